// Internal to the docx module: the package a render gives, assembled from
// the template's package, the parts the renderer rewrote and what it added
// (numbering instances, images and their relationships, content types),
// then zipped. Kept apart from the interpreter (template_renderer.cpp),
// which only collects the additions.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "docx/engine/compiled_template.hpp"
#include "docx/engine/template_value.hpp"

namespace esfdraft::docx {

// A numbering instance (w:num) for a list that must restart.
struct NewNumbering {
    std::string id, abstract_id, overrides;
};

// An image part, one per distinct image.
struct RenderedMedia {
    std::string name;  // "word/media/rendered-image1.png"
    const ImageData* image;
};

// A relationship from a part to an image part.
struct NewRelationship {
    std::string id, target;
};

struct PackageAdditions {
    std::vector<NewNumbering> numbering;
    std::vector<RenderedMedia> media;
    std::map<std::string, std::vector<NewRelationship>> relationships;  // rels part -> added
};

// The .docx bytes: the template's package with `parts` (name, bytes) in
// place of its own and `added` put in.
std::string assemble_package(const DocumentTemplate::Compiled& compiled,
                             std::vector<std::pair<std::string, std::string>> parts, const PackageAdditions& added);

}  // namespace esfdraft::docx
