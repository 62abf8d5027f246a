// Internal to the docx module: the DrawingML a render writes for an image,
// apart from the interpreter (template_renderer.cpp), which decides where an
// image goes and which relationship it gets. Plain functions over their
// arguments: no render state.
#pragma once

#include <string>

#include "docx/engine/template_value.hpp"
#include "docx/engine/xml_node.hpp"

namespace esfdraft::docx {

// An inline picture (w:drawing/wp:inline) of `image`, drawing number `id`,
// showing the image part that `relationship` names; `w` is the prefix the
// part gives the WordprocessingML namespace ("w:").
std::string inline_image_markup(const std::string& w, const ImageData& image, const std::string& id,
                                const std::string& relationship);

// The template's placeholder picture `drawing` made to show `image`:
// fitted into the placeholder's box with the image's proportions (the
// image's own size where the box gives none), drawing number `id`, the
// image part `relationship`, the image's alternative text.
XmlNode fitted_placeholder(const XmlNode& drawing, const ImageData& image, const std::string& id,
                           const std::string& relationship);

}  // namespace esfdraft::docx
