// libFuzzer entry point: see run_render() in targets.hpp for what it feeds and checks.
#include "targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  actorgraph::fuzz::run_render(data, size);
  return 0;
}
