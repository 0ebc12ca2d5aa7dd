// Every line of --explain=json matches docs/explain-json-schema.json. The
// validator below implements the part of JSON Schema the file uses: type,
// const, enum, required, properties, additionalProperties: false, items,
// oneOf, $ref to #/$defs/..., minimum and maximum.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <variant>
#include <vector>

#include "explain/json.hpp"
#include "handshake/explain_fixture.hpp"

namespace tlspp {
namespace {

struct Json;
using Object = std::map<std::string, Json>;
using Array = std::vector<Json>;
struct Json {
    std::variant<std::nullptr_t, bool, double, std::string, std::shared_ptr<Array>, std::shared_ptr<Object>> v;
    bool is_integer = false;
};

// A strict little JSON parser: throws std::runtime_error on anything malformed.
class Parser {
public:
    explicit Parser(std::string_view text) : s_(text) {}
    Json document() {
        Json j = value();
        space();
        if (i_ != s_.size()) fail("trailing characters");
        return j;
    }

private:
    [[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + " at " + std::to_string(i_)); }
    void space() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    }
    bool take(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) return false;
        i_ += word.size();
        return true;
    }
    std::string string() {
        if (!take("\"")) fail("expected string");
        std::string out;
        while (i_ < s_.size() && s_[i_] != '"') {
            char c = s_[i_++];
            if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i_ >= s_.size()) fail("bad escape");
            char e = s_[i_++];
            switch (e) {
            case '"': case '\\': case '/': out += e; break;
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'u': {
                if (i_ + 4 > s_.size()) fail("bad \\u");
                unsigned cp = std::stoul(std::string(s_.substr(i_, 4)), nullptr, 16);
                i_ += 4;
                if (cp < 0x80) out += static_cast<char>(cp);
                else out += "?";   // enough for validation
                break;
            }
            default: fail("bad escape");
            }
        }
        if (!take("\"")) fail("unterminated string");
        return out;
    }
    Json value() {
        space();
        if (i_ >= s_.size()) fail("unexpected end");
        char c = s_[i_];
        if (c == '"') return Json{string()};
        if (take("null")) return Json{nullptr};
        if (take("true")) return Json{true};
        if (take("false")) return Json{false};
        if (c == '[') {
            ++i_;
            auto a = std::make_shared<Array>();
            space();
            if (take("]")) return Json{a};
            do a->push_back(value()); while ((space(), take(",")));
            space();
            if (!take("]")) fail("expected ]");
            return Json{a};
        }
        if (c == '{') {
            ++i_;
            auto o = std::make_shared<Object>();
            space();
            if (take("}")) return Json{o};
            do {
                space();
                std::string key = string();
                space();
                if (!take(":")) fail("expected :");
                if (o->count(key)) fail("duplicate key " + key);
                (*o)[key] = value();
            } while ((space(), take(",")));
            space();
            if (!take("}")) fail("expected }");
            return Json{o};
        }
        std::size_t start = i_;
        if (s_[i_] == '-') ++i_;
        bool integer = true;
        while (i_ < s_.size() && (std::isdigit(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.' ||
                                  s_[i_] == 'e' || s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-')) {
            if (!std::isdigit(static_cast<unsigned char>(s_[i_]))) integer = false;
            ++i_;
        }
        if (start == i_) fail("unexpected character");
        Json j{std::stod(std::string(s_.substr(start, i_ - start)))};
        j.is_integer = integer;
        return j;
    }
    std::string_view s_;
    std::size_t i_ = 0;
};

const Object* object(const Json& j) {
    auto* p = std::get_if<std::shared_ptr<Object>>(&j.v);
    return p ? p->get() : nullptr;
}
const Array* array(const Json& j) {
    auto* p = std::get_if<std::shared_ptr<Array>>(&j.v);
    return p ? p->get() : nullptr;
}
const std::string* str(const Json& j) { return std::get_if<std::string>(&j.v); }

bool equal(const Json& a, const Json& b) {
    if (a.v.index() != b.v.index()) return false;
    if (auto* s = str(a)) return *s == *str(b);
    if (auto* d = std::get_if<double>(&a.v)) return *d == std::get<double>(b.v);
    if (auto* x = std::get_if<bool>(&a.v)) return *x == std::get<bool>(b.v);
    return a.v.index() == 0;
}

bool has_type(const Json& j, const std::string& type) {
    if (type == "null") return j.v.index() == 0;
    if (type == "boolean") return std::holds_alternative<bool>(j.v);
    if (type == "number") return std::holds_alternative<double>(j.v);
    if (type == "integer") return std::holds_alternative<double>(j.v) && j.is_integer;
    if (type == "string") return str(j) != nullptr;
    if (type == "array") return array(j) != nullptr;
    if (type == "object") return object(j) != nullptr;
    return false;
}

// validate returns "" if `j` matches `schema`, else the first problem.
std::string validate(const Json& j, const Json& schema, const Json& root, const std::string& at) {
    const Object* s = object(schema);
    if (!s) return at + ": schema is not an object";
    auto get = [&](const char* k) -> const Json* {
        auto it = s->find(k);
        return it == s->end() ? nullptr : &it->second;
    };
    if (auto* ref = get("$ref")) {
        std::string path = *str(*ref);
        const std::string prefix = "#/$defs/";
        if (path.rfind(prefix, 0) != 0) return at + ": unsupported $ref " + path;
        const Json& target = object(object(root)->at("$defs"))->at(path.substr(prefix.size()));
        if (auto e = validate(j, target, root, at); !e.empty()) return e;
    }
    if (auto* t = get("type")) {
        bool ok = false;
        if (auto* one = str(*t)) ok = has_type(j, *one);
        else for (const auto& alt : *array(*t)) ok = ok || has_type(j, *str(alt));
        if (!ok) return at + ": wrong type";
    }
    if (auto* c = get("const"); c && !equal(j, *c)) return at + ": not the constant";
    if (auto* e = get("enum")) {
        bool found = false;
        for (const auto& alt : *array(*e)) found = found || equal(j, alt);
        if (!found) return at + ": not in enum";
    }
    if (auto* d = std::get_if<double>(&j.v)) {
        if (auto* m = get("minimum"); m && *d < std::get<double>(m->v)) return at + ": below minimum";
        if (auto* m = get("maximum"); m && *d > std::get<double>(m->v)) return at + ": above maximum";
    }
    if (const Object* o = object(j)) {
        if (auto* req = get("required"))
            for (const auto& k : *array(*req))
                if (!o->count(*str(k))) return at + ": missing " + *str(k);
        const Object* props = get("properties") ? object(*get("properties")) : nullptr;
        auto* extra = get("additionalProperties");
        for (const auto& [k, v] : *o) {
            if (props && props->count(k)) {
                if (auto e = validate(v, props->at(k), root, at + "." + k); !e.empty()) return e;
            } else if (extra && std::holds_alternative<bool>(extra->v) && !std::get<bool>(extra->v)) {
                return at + ": unexpected property " + k;
            }
        }
    }
    if (const Array* a = array(j); a && get("items"))
        for (std::size_t i = 0; i < a->size(); ++i)
            if (auto e = validate((*a)[i], *get("items"), root, at + "[" + std::to_string(i) + "]"); !e.empty())
                return e;
    if (auto* one_of = get("oneOf")) {
        int matches = 0;
        std::string problems;
        for (const auto& alt : *array(*one_of)) {
            auto e = validate(j, alt, root, at);
            if (e.empty()) ++matches;
            else problems += " | " + e;
        }
        if (matches != 1) return at + ": matches " + std::to_string(matches) + " of oneOf" + problems;
    }
    return "";
}

Json load_schema() {
    std::ifstream in(test::source_path("docs/explain-json-schema.json"));
    std::stringstream s;
    s << in.rdbuf();
    return Parser(s.str()).document();
}

TEST(ExplainJson, EveryLineOfAHandshakeMatchesTheSchema) {
    Json schema = load_schema();
    for (bool secrets : {false, true}) {
        auto recorder = test::explained_handshake(secrets);
        ASSERT_TRUE(recorder);
        ASSERT_FALSE(recorder->events().empty());
        for (std::size_t i = 0; i < recorder->events().size(); ++i) {
            std::string line = explain::render_json(recorder->events()[i], i, secrets);
            ASSERT_EQ(line.back(), '\n');
            ASSERT_EQ(line.find('\n'), line.size() - 1) << "one event, one line";
            Json event = Parser(line).document();
            EXPECT_EQ(validate(event, schema, schema, "$"), "") << line;
        }
    }
}

TEST(ExplainJson, TheValidatorRejectsWhatTheSchemaForbids) {
    Json schema = load_schema();
    auto check = [&](std::string_view line) { return validate(Parser(line).document(), schema, schema, "$"); };
    EXPECT_EQ(check(R"({"v":1,"seq":0,"t_ms":0,"observer":"client","type":"done","resumed":false})"), "");
    EXPECT_NE(check(R"({"v":1,"seq":0,"t_ms":0,"observer":"client","type":"done"})"), "");
    EXPECT_NE(check(R"({"v":2,"seq":0,"t_ms":0,"observer":"client","type":"done","resumed":false})"), "");
    EXPECT_NE(check(R"({"v":1,"seq":0,"t_ms":0,"observer":"client","type":"done","resumed":false,"x":1})"), "");
    EXPECT_NE(check(R"({"v":1,"seq":0,"t_ms":0,"observer":"eve","type":"done","resumed":false})"), "");
}

}  // namespace
}  // namespace tlspp
