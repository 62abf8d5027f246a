#include "docx/engine/template_value.hpp"

namespace esfdraft::docx {

TemplateValue TemplateValue::text(std::string value) {
    TemplateValue v;
    v.value_ = std::move(value);
    return v;
}

TemplateValue TemplateValue::boolean(bool value) {
    TemplateValue v;
    v.value_ = value;
    return v;
}

TemplateValue TemplateValue::list(List items) {
    TemplateValue v;
    v.value_ = std::move(items);
    return v;
}

TemplateValue TemplateValue::map(Map entries) {
    TemplateValue v;
    v.value_ = std::move(entries);
    return v;
}

TemplateValue TemplateValue::rich_text(RichText blocks) {
    TemplateValue v;
    v.value_ = std::move(blocks);
    return v;
}

TemplateValue TemplateValue::image(ImageData image) {
    TemplateValue v;
    v.value_ = std::make_shared<const ImageData>(std::move(image));
    return v;
}

const std::string& TemplateValue::as_text() const {
    static const std::string empty;
    const auto* text = std::get_if<std::string>(&value_);
    return text ? *text : empty;
}

bool TemplateValue::as_boolean() const {
    const auto* boolean = std::get_if<bool>(&value_);
    return boolean && *boolean;
}

const TemplateValue::List& TemplateValue::as_list() const {
    static const List empty;
    const auto* list = std::get_if<List>(&value_);
    return list ? *list : empty;
}

const TemplateValue::Map& TemplateValue::as_map() const {
    static const Map empty;
    const auto* map = std::get_if<Map>(&value_);
    return map ? *map : empty;
}

const RichText& TemplateValue::as_rich_text() const {
    static const RichText empty;
    const auto* rich = std::get_if<RichText>(&value_);
    return rich ? *rich : empty;
}

const ImageData& TemplateValue::as_image() const {
    static const ImageData empty;
    const auto* image = std::get_if<std::shared_ptr<const ImageData>>(&value_);
    return image && *image ? **image : empty;
}

const TemplateValue* TemplateValue::find(std::string_view key) const {
    for (const auto& [name, value] : as_map())
        if (name == key) return &value;
    return nullptr;
}

TemplateValue& TemplateValue::set(std::string key, TemplateValue value) {
    if (kind() != Kind::map) value_ = Map{};
    Map& map = std::get<Map>(value_);
    for (auto& [name, existing] : map) {
        if (name == key) {
            existing = std::move(value);
            return *this;
        }
    }
    map.emplace_back(std::move(key), std::move(value));
    return *this;
}

TemplateValue& TemplateValue::push(TemplateValue value) {
    if (kind() != Kind::list) value_ = List{};
    std::get<List>(value_).push_back(std::move(value));
    return *this;
}

bool TemplateValue::truthy() const {
    switch (kind()) {
        case Kind::null: return false;
        case Kind::boolean: return as_boolean();
        case Kind::text: return !as_text().empty();
        case Kind::list: return !as_list().empty();
        case Kind::rich_text: return !as_rich_text().empty();
        case Kind::map:
        case Kind::image: return true;
    }
    return false;
}

}  // namespace esfdraft::docx
