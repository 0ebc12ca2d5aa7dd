// xml_escape is the one escaping function for the diagram and the CLI's pages.
#include <gtest/gtest.h>

#include "explain/diagram.hpp"

namespace tlspp::explain {
namespace {

TEST(XmlEscape, EscapesMarkupCharacters) {
    EXPECT_EQ(xml_escape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
}

// Certificate subjects come from the peer; a control byte is not valid XML 1.0
// and would make the SVG unreadable, so it is replaced.
TEST(XmlEscape, ReplacesControlBytesButKeepsNewlinesAndTabs) {
    EXPECT_EQ(xml_escape(std::string("CN=a\x01" "b\x1b[31m\tc\nd", 15)), "CN=a?b?[31m\tc\nd");
}

TEST(XmlEscape, KeepsUtf8) {
    EXPECT_EQ(xml_escape("服务器随机数"), "服务器随机数");
}

}  // namespace
}  // namespace tlspp::explain
