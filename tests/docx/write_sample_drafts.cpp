// Writes the sample drafts into a folder, for ooxml-check and for looking at
// the rendered pages:
//   write_sample_drafts OUTDIR [--logo FILE] [--template FILE]
// gives framsyn-<lang>.docx (2007–2013), esf-plus-<lang>.docx (ESF+ with every
// plan-format §3 addition), incomplete-<lang>.docx (ESF+) and
// incomplete-2007-<lang>.docx, additions-2007-<lang>.docx (the ESF+ sample in
// the 2007–2013 draft), and the exported default templates
// template-<lang>.docx and template-plus-<lang>.docx.
#include <cstring>
#include <fstream>
#include <iostream>

#include "docx/application_draft.hpp"
#include "docx_test_support.hpp"
#include "sample_applications.hpp"

namespace {
// The options with the programme whose default template a plan gets.
esfdraft::docx::DraftOptions with_programme(esfdraft::docx::DraftOptions options, const std::string& programme) {
    options.programme = programme;
    return options;
}
}  // namespace

int main(int argc, char** argv) {
    using namespace esfdraft;
    if (argc < 2) {
        std::cerr << "usage: write_sample_drafts OUTDIR [--logo FILE] [--template FILE]\n";
        return 2;
    }
    const std::string folder = argv[1];
    docx::DraftOptions options;
    options.date = {2009, 9, 15};
    options.data_dir = ESFDRAFT_SOURCE_DIR;
    options.municipality_names = esfdraft::docx::testing::municipality_names();
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--logo") == 0)
            options.logo = docx::read_logo_file(argv[i + 1]);
        else if (std::strcmp(argv[i], "--template") == 0)
            options.template_path = argv[i + 1];
    }
    try {
        for (const std::string lang : {"sv", "en"}) {
            options.lang = lang;
            std::ofstream(folder + "/framsyn-" + lang + ".docx", std::ios::binary)
                << docx::render_application_draft(docx::testing::framsyn_application(), options);
            std::ofstream(folder + "/esf-plus-" + lang + ".docx", std::ios::binary)
                << docx::render_application_draft(docx::testing::esf_plus_application(), options);
            // The 2007–2013 draft of a plan with the §3 additions (what that draft gains).
            model::Application additions = docx::testing::esf_plus_application();
            additions.programme = "esf-2007-2013";
            std::ofstream(folder + "/additions-2007-" + lang + ".docx", std::ios::binary)
                << docx::render_application_draft(additions, options);
            std::ofstream(folder + "/incomplete-" + lang + ".docx", std::ios::binary)
                << docx::render_application_draft(docx::testing::incomplete_application(), options);
            std::ofstream(folder + "/incomplete-2007-" + lang + ".docx", std::ios::binary)
                << docx::render_application_draft(docx::testing::incomplete_application(),
                                                  with_programme(options, "esf-2007-2013"));
            std::ofstream(folder + "/template-" + lang + ".docx", std::ios::binary)
                << docx::default_template_bytes(ESFDRAFT_SOURCE_DIR, lang);
            std::ofstream(folder + "/template-plus-" + lang + ".docx", std::ios::binary)
                << docx::default_template_bytes(ESFDRAFT_SOURCE_DIR, lang, "esf-plus-2021-2027");
        }
    } catch (const std::exception& error) {
        std::cerr << "write_sample_drafts: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
