// Recognizes the image formats a document may embed (PNG and JPEG) and
// reads their pixel size, without decoding them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace esfdraft::docx {

struct ImageFormat {
    std::string extension;     // "png" or "jpeg"
    std::string content_type;  // "image/png" or "image/jpeg"
    int width_pixels = 0;
    int height_pixels = 0;
};

// nullopt when the bytes are not a PNG or JPEG image whose size can be read
// (a truncated header, a zero size, a PNG size past 2^31 - 1, another
// format). Any other size is returned as read: image_size_refusal bounds it.
std::optional<ImageFormat> probe_image(std::string_view bytes);

// The largest image embedded: Word and LibreOffice decode a picture whole
// to show it, so a small file declaring 100000 x 100000 pixels would make
// the draft unopenable (about 40 GB of pixels).
inline constexpr int max_image_side_pixels = 10000;
inline constexpr long long max_image_pixels = 50'000'000;
// Why an image of that size is refused, stating the size and the limit, in
// Swedish and English ("the image is 12000 x 100 pixels; at most 10000
// pixels wide and high are allowed"); both "" when it is within both limits.
struct ImageRefusal {
    std::string sv, en;
    bool empty() const { return en.empty(); }
};
ImageRefusal image_size_refusal(const ImageFormat& format);

// The content type for a file extension the engine writes ("png", "jpeg").
std::string image_content_type(std::string_view extension);

}  // namespace esfdraft::docx
