// Messages a project owner can act on (issue 10): shares that differ from
// their limit, durations counted exactly, the programme period's words, and
// English articles that fit the word after them.
#include <boost/test/unit_test.hpp>

#include <regex>

#include "model/rule_pack.hpp"
#include "model/vocabulary.hpp"
#include "report/report.hpp"

using namespace esfdraft;
using model::MessageArg;
using report::Language;

namespace {

const std::string nbsp = "\xC2\xA0";

model::Finding finding(const char* rule, const char* message_id) {
    model::Finding out;
    out.rule = rule;
    out.severity = model::Severity::error;
    out.section = "budget";
    out.message_id = message_id;
    return out;
}

// B007: co-financing of `cofinancing` öre out of `eligible`, 46 % required.
model::Finding cofinancing(model::Money cofinancing, model::Money eligible) {
    return finding("B007", "B007.cofinancing")
        .arg("cofinancing", MessageArg::of_money(cofinancing))
        .arg("share", MessageArg::of_percent_hundredths(4600))  // what share_of rounds 45,995 % to
        .arg("eligible", MessageArg::of_money(eligible))
        .arg("minimum", MessageArg::of_percent_hundredths(4600))
        .arg("by", MessageArg::of_text("pack"))
        .arg("required", MessageArg::of_money(eligible * 46 / 100))
        .arg("missing", MessageArg::of_money(eligible * 46 / 100 - cofinancing));
}

// D002 for a phase of a programme, `months` and `days` long.
model::Finding duration(const char* phase, const char* programme, int months, int days) {
    return finding("D002", "D002.long")
        .arg("months", MessageArg::of_number(months))
        .arg("days", MessageArg::of_number(days))
        .arg("phase_name", MessageArg::of_text(phase))
        .arg("programme", MessageArg::of_text(programme))
        .arg("limit", MessageArg::of_number(6));
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(words)

BOOST_AUTO_TEST_CASE(a_share_below_its_minimum_shows_the_decimals_that_tell_them_apart) {
    // 45,99 % (459 900 / 1 000 000): two decimals; never "46 % ... minst 46 %".
    std::string sv = report::message_text(cofinancing(45'990'000, 100'000'000), Language::sv);
    BOOST_TEST(contains(sv, "är 45,99" + nbsp + "% av"), sv);
    BOOST_TEST(contains(sv, "minst 46" + nbsp + "% krävs"), sv);
    const std::string en = report::message_text(cofinancing(45'990'000, 100'000'000), Language::en);
    BOOST_TEST(contains(en, "is 45.99 % of"), en);
    // 45,995 % rounds to 46,00: it takes three.
    sv = report::message_text(cofinancing(45'995'000, 100'000'000), Language::sv);
    BOOST_TEST(contains(sv, "är 45,995" + nbsp + "% av"), sv);
    // 45 % needs none.
    sv = report::message_text(cofinancing(45'000'000, 100'000'000), Language::sv);
    BOOST_TEST(contains(sv, "är 45" + nbsp + "% av"), sv);
}

BOOST_AUTO_TEST_CASE(a_share_above_its_maximum_shows_the_decimals_that_tell_them_apart) {
    // B008: indirect costs of 15,0123 % of the staff costs, at most 15 %.
    const model::Finding b008 = finding("B008", "B008.indirect")
                                    .arg("indirect", MessageArg::of_money(150'123))
                                    .arg("share", MessageArg::of_percent_hundredths(1500))
                                    .arg("staff", MessageArg::of_money(1'000'000))
                                    .arg("maximum", MessageArg::of_percent_hundredths(1500))
                                    .arg("allowed", MessageArg::of_money(150'000))
                                    .arg("excess", MessageArg::of_money(123));
    const std::string sv = report::message_text(b008, Language::sv);
    BOOST_TEST(contains(sv, "är 15,01" + nbsp + "% av personalkostnaderna"), sv);
    BOOST_TEST(contains(sv, "högst 15" + nbsp + "%"), sv);
    const std::string en = report::message_text(b008, Language::en);
    BOOST_TEST(contains(en, "are 15.01 % of"), en);
}

BOOST_AUTO_TEST_CASE(a_duration_is_counted_exactly) {
    BOOST_TEST(contains(report::message_text(duration("prestudy", "esf-2007-2013", 6, 1), Language::sv),
                        "projektet pågår 6 månader och 1 dag; en förprojektering brukar"));
    BOOST_TEST(contains(report::message_text(duration("prestudy", "esf-2007-2013", 6, 1), Language::en),
                        "the project runs 6 months and 1 day; a pre-study usually"));
    BOOST_TEST(
        contains(report::message_text(duration("prestudy", "esf-2007-2013", 7, 0), Language::en), "runs 7 months;"));
    BOOST_TEST(contains(report::message_text(duration("prestudy", "esf-2007-2013", 1, 3), Language::sv),
                        "pågår 1 månad och 3 dagar;"));

    const model::Finding gap = finding("D006", "D006.gap")
                                   .arg("months", MessageArg::of_number(12))
                                   .arg("days", MessageArg::of_number(1))
                                   .arg("prestudy_end", MessageArg::of_date(model::Date{2022, 6, 30}))
                                   .arg("start", MessageArg::of_date(model::Date{2023, 7, 1}))
                                   .arg("limit", MessageArg::of_number(12))
                                   .arg("programme", MessageArg::of_text("esf-plus-2021-2027"));
    const std::string sv = report::message_text(gap, Language::sv);
    BOOST_TEST(contains(sv, "det går 12 månader och 1 dag mellan förstudiens slut (2022-06-30)"), sv);
    BOOST_TEST(contains(sv, "mer än 12 månader"), sv);
    const std::string en = report::message_text(gap, Language::en);
    BOOST_TEST(contains(en, "is 12 months and 1 day, more than 12 months"), en);
}

BOOST_AUTO_TEST_CASE(esf_plus_messages_say_forstudie) {
    BOOST_TEST(contains(report::message_text(duration("prestudy", "esf-plus-2021-2027", 9, 2), Language::sv),
                        "en förstudie brukar"));
    BOOST_TEST(contains(report::message_text(duration("implementation", "esf-plus-2021-2027", 37, 0), Language::en),
                        "an implementation project usually"));
    model::Finding overlap = finding("D006", "D006.overlap")
                                 .arg("start", MessageArg::of_date(model::Date{2023, 3, 1}))
                                 .arg("prestudy_end", MessageArg::of_date(model::Date{2023, 6, 30}))
                                 .arg("programme", MessageArg::of_text("esf-plus-2021-2027"));
    std::string sv = report::message_text(overlap, Language::sv);
    BOOST_TEST(contains(sv, "innan förstudien slutade 2023-06-30; genomförandet ska bygga på en avslutad förstudie"),
               sv);
    BOOST_TEST(!contains(sv, "förprojektering"), sv);
    overlap.args.back().second = MessageArg::of_text("esf-2007-2013");
    sv = report::message_text(overlap, Language::sv);
    BOOST_TEST(contains(sv, "innan förprojekteringen slutade"), sv);
    const model::Finding m007 =
        finding("M007", "M007.no_prestudy").arg("programme", MessageArg::of_text("esf-plus-2021-2027"));
    BOOST_TEST(contains(report::message_text(m007, Language::sv), "anger inte förstudien den bygger på"));
    const model::Finding g007 = finding("G007", "G007.no_basis")
                                    .arg("goal", MessageArg::of_text("g1"))
                                    .arg("programme", MessageArg::of_text("esf-plus-2021-2027"));
    BOOST_TEST(contains(report::message_text(g007, Language::sv), "något resultat från förstudien;"));
}

BOOST_AUTO_TEST_CASE(d001_names_the_activity) {
    const model::Finding d001 = finding("D001", "D001.activity_end_before_start")
                                    .arg("what", MessageArg::of_text("activity"))
                                    .arg("number", MessageArg::of_text("A3"))
                                    .arg("activity", MessageArg::of_text("kartl"))
                                    .arg("start", MessageArg::of_date(model::Date{2010, 5, 1}))
                                    .arg("end", MessageArg::of_date(model::Date{2010, 4, 1}));
    BOOST_TEST(report::message_text(d001, Language::sv) ==
               "aktivitet A3 (kartl) slutar 2010-04-01, före sin början 2010-05-01");
    BOOST_TEST(report::message_text(d001, Language::en) ==
               "activity A3 (kartl) ends 2010-04-01, before it starts 2010-05-01");
    const model::Finding pre_study = finding("D001", "D001.end_before_start")
                                         .arg("what", MessageArg::of_text("preStudy"))
                                         .arg("programme", MessageArg::of_text("esf-plus-2021-2027"))
                                         .arg("start", MessageArg::of_date(model::Date{2023, 5, 1}))
                                         .arg("end", MessageArg::of_date(model::Date{2023, 4, 1}));
    BOOST_TEST(report::message_text(pre_study, Language::sv) ==
               "förstudiens period slutar 2023-04-01, före sin början 2023-05-01");
    BOOST_TEST(report::message_text(pre_study, Language::en) ==
               "the pre-study's period ends 2023-04-01, before it starts 2023-05-01");
}

// An English article before a placeholder cannot know the word that comes
// ("a implementation"): the placeholder must carry its own article.
BOOST_AUTO_TEST_CASE(no_english_article_stands_before_a_placeholder) {
    const std::regex article_before_placeholder("(^|[^A-Za-z])(a|an|A|An) \\{");
    const std::regex a_before_vowel("(^|[^A-Za-z])a [aeiouAEIOU]");
    for (const std::string& id : report::message_ids()) {
        model::Finding probe;
        probe.message_id = id;
        const std::string en = report::message_text(probe, Language::en);
        BOOST_TEST(!std::regex_search(en, article_before_placeholder), id << ": " << en);
        BOOST_TEST(!std::regex_search(en, a_before_vowel), id << ": " << en);
    }
    BOOST_TEST(report::message_ids().size() > 80u);
}

BOOST_AUTO_TEST_CASE(the_report_names_sections_with_the_one_vocabulary) {
    for (const model::SectionWords& section : model::sections()) {
        BOOST_TEST(report::section_name(section.key, Language::sv) == std::string(section.name.sv));
        BOOST_TEST(report::section_name(section.key, Language::en) == std::string(section.name.en));
    }
    BOOST_TEST(report::section_name("genderEquality", Language::sv) == "Jämställdhetsintegrering");
    BOOST_TEST(report::section_name("file", Language::sv) == "Filen");
    BOOST_TEST(report::section_name("nope", Language::sv) == "nope");
}

BOOST_AUTO_TEST_CASE(a_negative_source_or_income_points_at_income) {
    const model::Finding source = finding("B001", "B001.negative_source")
                                      .arg("source", MessageArg::of_text("Region Västerbotten"))
                                      .arg("amount", MessageArg::of_money(-60'000'000));
    const std::string en = report::message_text(source, Language::en);
    BOOST_TEST(contains(en, "Region Västerbotten"), en);
    BOOST_TEST(contains(en, "<income amount="), en);
    BOOST_TEST(!contains(en, "{"), en);
    const model::Finding income = finding("B001", "B001.negative_income")
                                      .arg("income", MessageArg::of_text("Kursavgifter"))
                                      .arg("amount", MessageArg::of_money(-10'000'000));
    const std::string sv = report::message_text(income, Language::sv);
    BOOST_TEST(contains(sv, "\"Kursavgifter\""), sv);
    BOOST_TEST(contains(sv, "<income>"), sv);
    BOOST_TEST(!contains(sv, "{"), sv);
}

BOOST_AUTO_TEST_SUITE_END()
