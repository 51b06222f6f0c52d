#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

// catch_discover_tests turns each test case name into a ctest filter: a ';' splits it into
// two filters that match no test, and ctest would report the case as passed without running it.
TEST_CASE("test case names are ctest filters that run them", "[cli]") {
  for (const Catch::TestCase& tc : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
    const std::string& name = tc.getTestCaseInfo().name;
    CAPTURE(name);
    CHECK(name.find(';') == std::string::npos);
    CHECK(name.rfind("--", 0) != 0);
  }
}
