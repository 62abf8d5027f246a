// Recognizes the image formats a document may embed (PNG and JPEG) and
// reads their pixel size, without decoding them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace esfdraft::docx {

struct ImageFormat {
    std::string extension;      // "png" or "jpeg"
    std::string content_type;   // "image/png" or "image/jpeg"
    int width_pixels = 0;
    int height_pixels = 0;
};

// nullopt when the bytes are not a PNG or JPEG image whose size can be read
// (a truncated header, a zero size, another format).
std::optional<ImageFormat> probe_image(std::string_view bytes);

// The content type for a file extension the engine writes ("png", "jpeg").
std::string image_content_type(std::string_view extension);

}  // namespace esfdraft::docx
