// Reading what a client sends (see request_reader.hpp). Moved out of the
// server so that it runs on bytes alone: the fuzz target tests/fuzz/
// fuzz_request parses a request with Poco's message parser and hands it
// here, as the server does with the one its connection parsed.
#include "http/request_reader.hpp"

#include <Poco/Net/HTMLForm.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/PartHandler.h>
#include <Poco/NumberParser.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <istream>
#include <sstream>
#include <streambuf>

namespace esfdraft::http {

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

// "32 MiB", or "2048 bytes" for a limit below a MiB (tests and the fuzz
// target use small ones).
std::string size_phrase(std::size_t limit, bool swedish = false) {
    return limit >= (1u << 20) && limit % (1u << 20) == 0 ? std::to_string(limit >> 20) + " MiB"
                                                          : std::to_string(limit) + (swedish ? " byte" : " bytes");
}

HttpError body_too_large(std::size_t limit) {
    return HttpError(413, "too-large",
                     Said{"det som skickades är större än " + size_phrase(limit, true) + "; välj en mindre fil",
                          "the request body is larger than " + size_phrase(limit)});
}

// Reads at most `limit` bytes of `source`; past that it reports end of
// input and remembers it, so a parser reading through it fails and the
// caller answers 413 instead of whatever the parser says.
class BoundedBuffer : public std::streambuf {
public:
    BoundedBuffer(std::istream& source, std::size_t limit) : source_(source), limit_(limit) {}
    bool exceeded() const { return exceeded_; }
    std::size_t consumed() const { return consumed_; }

protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        if (consumed_ > limit_) return traits_type::eof();
        source_.read(buffer_, sizeof buffer_);
        const std::streamsize got = source_.gcount();
        if (got <= 0) return traits_type::eof();
        consumed_ += static_cast<std::size_t>(got);
        if (consumed_ > limit_) {
            exceeded_ = true;
            return traits_type::eof();
        }
        setg(buffer_, buffer_, buffer_ + got);
        return traits_type::to_int_type(*gptr());
    }

private:
    std::istream& source_;
    std::size_t limit_;
    std::size_t consumed_ = 0;
    bool exceeded_ = false;
    char buffer_[16384];
};

// Collects the file parts of a multipart body, each at most `limit` bytes.
class BoundedParts : public Poco::Net::PartHandler {
public:
    BoundedParts(std::map<std::string, UploadedPart>& parts, std::size_t limit) : parts_(parts), limit_(limit) {}
    bool exceeded() const { return exceeded_; }
    const std::string& exceeded_part() const { return exceeded_part_; }

    void handlePart(const Poco::Net::MessageHeader& header, std::istream& stream) override {
        std::string disposition;
        Poco::Net::NameValueCollection parameters;
        Poco::Net::MessageHeader::splitParameters(header.get("Content-Disposition", ""), disposition, parameters);
        const std::string name = parameters.get("name", "");
        UploadedPart part;
        part.filename = parameters.get("filename", "");
        part.content_type = header.get("Content-Type", "application/octet-stream");
        char buffer[16384];
        while (stream) {
            stream.read(buffer, sizeof buffer);
            const std::streamsize got = stream.gcount();
            if (got <= 0) break;
            if (part.bytes.size() + static_cast<std::size_t>(got) > limit_) {
                exceeded_ = true;
                exceeded_part_ = name;
                throw HttpError(413, "too-large",
                                Said{"filen i delen '" + name + "' är större än " + size_phrase(limit_, true) +
                                         "; välj en mindre fil",
                                     "the part '" + name + "' is larger than " + size_phrase(limit_)});
            }
            part.bytes.append(buffer, static_cast<std::size_t>(got));
        }
        if (parts_.count(name))
            throw HttpError(
                400, "invalid",
                Said{"delen '" + name + "' skickades två gånger", "the part '" + name + "' is given twice"});
        parts_[name] = std::move(part);
    }

private:
    std::map<std::string, UploadedPart>& parts_;
    std::size_t limit_;
    bool exceeded_ = false;
    std::string exceeded_part_;
};

std::string media_type(const std::string& content_type) {
    return lower(trim(content_type.substr(0, content_type.find(';'))));
}

// The Content-Length, -1 when there is none. Poco's getContentLength64
// throws its SyntaxException for one that is not a number, which would
// reach the client as a 500: it is the client's mistake, so 400.
Poco::Int64 content_length(const Poco::Net::HTTPRequest& from) {
    if (!from.hasContentLength()) return -1;
    const std::string& value = from.get(Poco::Net::HTTPMessage::CONTENT_LENGTH);
    Poco::Int64 length = -1;
    if (value.empty() || value.size() > 18 ||
        !std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); }) ||
        !Poco::NumberParser::tryParse64(value, length) || length < 0) {
        throw HttpError(400, "invalid", "the Content-Length is not a number of bytes");
    }
    return length;
}

}  // namespace

bool has_body(const Poco::Net::HTTPRequest& from) {
    return from.getChunkedTransferEncoding() || content_length(from) > 0;
}

bool read_head(const Poco::Net::HTTPRequest& from, Request& request) {
    request.method = from.getMethod();
    const std::string& target = from.getURI();
    const std::size_t question = target.find('?');
    request.path = target.substr(0, question);
    for (const auto& [name, value] : from) request.headers[lower(name)] = value;
    request.content_type = media_type(from.getContentType());
    Poco::Net::NameValueCollection cookies;
    from.getCookies(cookies);
    for (const auto& [name, value] : cookies) request.cookies[name] = value;
    request.language = language_from_accept(from.get("Accept-Language", ""));
    const bool page = request.path.rfind("/api/", 0) != 0 && request.path != "/healthz";
    try {
        for (const auto& [name, value] : Poco::URI(target).getQueryParameters()) request.query[name] = value;
    } catch (const Poco::Exception&) {
        throw HttpError(400, "invalid", "the query string is malformed");
    }
    return page;
}

void read_body(const Poco::Net::HTTPRequest& from, std::istream& source, Request& into, const ServerOptions& options) {
    const Poco::Int64 length = content_length(from);
    if (length > static_cast<Poco::Int64>(options.body_limit)) {
        throw body_too_large(options.body_limit);
    }
    const bool multipart = into.content_type == "multipart/form-data";
    const std::size_t limit = multipart ? options.body_limit : options.json_limit;
    if (length > static_cast<Poco::Int64>(limit)) {
        throw body_too_large(limit);
    }
    BoundedBuffer bounded(source, limit);
    std::istream body(&bounded);
    const auto too_large = [&] { return body_too_large(limit); };
    if (multipart || into.content_type == "application/x-www-form-urlencoded") {
        BoundedParts parts(into.parts, options.part_limit);
        Poco::Net::HTMLForm form;
        // The editor's budget form has ~8 fields a cost line: 200 refused FRAMSYN's 30 lines.
        form.setFieldLimit(static_cast<int>(form_field_limit));
        form.setValueLengthLimit(static_cast<int>(options.json_limit));
        try {
            form.load(from, body, parts);
        } catch (const HttpError&) {
            // Read the rest (still within the body limit) so that the client,
            // which is still sending, gets to read the answer.
            char sink[16384];
            while (body.read(sink, sizeof sink) || body.gcount() > 0) {
            }
            throw;
        } catch (const Poco::Exception& error) {
            if (bounded.exceeded()) throw too_large();
            throw HttpError(400, "invalid",
                            Said{"formuläret gick inte att läsa: " + error.displayText(),
                                 "the form could not be read: " + error.displayText()});
        }
        if (bounded.exceeded()) throw too_large();
        for (const auto& [name, value] : form) into.fields[name] = value;
        return;
    }
    std::ostringstream text;
    text << body.rdbuf();
    if (bounded.exceeded()) throw too_large();
    into.body = text.str();
}

std::string language_from_accept(const std::string& accept_language) {
    double best_quality = 0.0;
    std::string best = "sv";
    std::istringstream entries(accept_language);
    std::string entry;
    while (std::getline(entries, entry, ',')) {
        const std::string tag = lower(trim(entry.substr(0, entry.find(';'))));
        double quality = 1.0;
        const std::size_t q = entry.find("q=");
        if (q != std::string::npos) {
            try {
                quality = std::stod(entry.substr(q + 2));
            } catch (const std::exception&) {
                quality = 0.0;
            }
        }
        const std::string primary = tag.substr(0, tag.find('-'));
        if ((primary == "sv" || primary == "en") && quality > best_quality) {
            best_quality = quality;
            best = primary;
        }
    }
    return best;
}

}  // namespace esfdraft::http
