#include "docx/engine/image_formats.hpp"

#include <cstdint>
#include <string>

namespace esfdraft::docx {

namespace {

std::uint32_t big_endian(std::string_view bytes, std::size_t at, std::size_t length) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < length; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    return value;
}

std::optional<ImageFormat> probe_png(std::string_view bytes) {
    // Signature, then the IHDR chunk: length, "IHDR", width, height.
    if (bytes.size() < 24 || bytes.substr(0, 8) != std::string_view("\x89PNG\r\n\x1a\n", 8) ||
        bytes.substr(12, 4) != "IHDR")
        return std::nullopt;
    const std::uint32_t width = big_endian(bytes, 16, 4);
    const std::uint32_t height = big_endian(bytes, 20, 4);
    // PNG sizes are at most 2^31 - 1 (so they fit an int); larger is not a PNG.
    if (width == 0 || height == 0 || width > 0x7fffffffu || height > 0x7fffffffu) return std::nullopt;
    return ImageFormat{"png", "image/png", static_cast<int>(width), static_cast<int>(height)};
}

std::optional<ImageFormat> probe_jpeg(std::string_view bytes) {
    if (bytes.size() < 4 || static_cast<unsigned char>(bytes[0]) != 0xFF ||
        static_cast<unsigned char>(bytes[1]) != 0xD8)
        return std::nullopt;
    // Walk the marker segments to the first start-of-frame (SOF0–SOF15
    // except DHT C4, JPG C8 and DAC CC), which holds height and width.
    std::size_t at = 2;
    while (at + 4 <= bytes.size()) {
        if (static_cast<unsigned char>(bytes[at]) != 0xFF) return std::nullopt;
        const auto marker = static_cast<unsigned char>(bytes[at + 1]);
        if (marker == 0xFF) {
            ++at;  // fill byte
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            at += 2;
            continue;
        }
        const std::uint32_t length = big_endian(bytes, at + 2, 2);
        if (length < 2) return std::nullopt;
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            if (at + 9 > bytes.size()) return std::nullopt;
            const std::uint32_t height = big_endian(bytes, at + 5, 2);
            const std::uint32_t width = big_endian(bytes, at + 7, 2);
            if (width == 0 || height == 0) return std::nullopt;
            return ImageFormat{"jpeg", "image/jpeg", static_cast<int>(width), static_cast<int>(height)};
        }
        if (marker == 0xD9 || marker == 0xDA) return std::nullopt;  // end of image or scan data before any frame
        at += 2 + length;
    }
    return std::nullopt;
}

}  // namespace

std::optional<ImageFormat> probe_image(std::string_view bytes) {
    if (auto png = probe_png(bytes)) return png;
    return probe_jpeg(bytes);
}

ImageRefusal image_size_refusal(const ImageFormat& format) {
    const std::string dimensions = std::to_string(format.width_pixels) + " x " + std::to_string(format.height_pixels);
    if (format.width_pixels > max_image_side_pixels || format.height_pixels > max_image_side_pixels) {
        const std::string side = std::to_string(max_image_side_pixels);
        return {"bilden är " + dimensions + " bildpunkter; den får vara högst " + side + " bildpunkter bred och hög",
                "the image is " + dimensions + " pixels; at most " + side + " pixels wide and high are allowed"};
    }
    const long long pixels = static_cast<long long>(format.width_pixels) * format.height_pixels;
    if (pixels > max_image_pixels) {
        const std::string count = std::to_string(pixels), limit = std::to_string(max_image_pixels);
        return {"bilden är " + dimensions + " bildpunkter (" + count + " bildpunkter); den får ha högst " + limit +
                    " bildpunkter i allt",
                "the image is " + dimensions + " pixels (" + count + " pixels); at most " + limit +
                    " pixels in all are allowed"};
    }
    return {};
}

std::string image_content_type(std::string_view extension) {
    if (extension == "png") return "image/png";
    if (extension == "jpeg" || extension == "jpg") return "image/jpeg";
    return "application/octet-stream";
}

}  // namespace esfdraft::docx
