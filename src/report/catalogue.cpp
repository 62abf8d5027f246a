#include "report/catalogue.hpp"
#include "report/report.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "model/values.hpp"
#include "model/vocabulary.hpp"

namespace esfdraft::report {

namespace {

struct Text {
    const char* sv;
    const char* en;
};

using Table = std::map<std::string_view, Text>;

__extension__ typedef __int128 Wide;  // shares of money amounts scaled by up to 10^20 fit in it

const char* pick(const Text& text, Language language) { return language == Language::sv ? text.sv : text.en; }

// Finding messages. Keys are "<rule>.<what>"; placeholders are {argument}.
// Each says what is wrong, with the numbers, and where it helps what to do.
// Long because it is a table: one entry per message, in both languages.
const Table& messages() {
    static const Table table = {
        // ---------------------------------------------------------------- X
        {"X001.empty",
         {"filen är tom; en plan är ett XML-dokument som börjar med <application>",
          "the file is empty; a plan is an XML document starting with <application>"}},
        {"X001.invalid_utf8",
         {"ogiltig UTF-8 (byte {byte}); spara filen som UTF-8", "invalid UTF-8 (byte {byte}); save the file as UTF-8"}},
        {"X001.not_utf8",
         {"filen anger teckenkodningen {encoding}; esfdraft läser bara UTF-8",
          "the file declares the encoding {encoding}; esfdraft reads UTF-8 only"}},
        {"X001.doctype",
         {"DOCTYPE-deklarationer (DTD och entiteter) är inte tillåtna; ta bort <!DOCTYPE …>",
          "DOCTYPE declarations (DTDs and entities) are not allowed; remove the <!DOCTYPE …>"}},
        {"X001.not_well_formed", {"inte välformad XML: {detail}", "not well-formed XML: {detail}"}},
        // The mistakes people make when they edit XML by hand (load/xml_syntax.cpp).
        {"X001.end_tag_mismatch",
         {"sluttaggen </{end}> passar inte till starttaggen <{start}> på rad {start_line}; skriv </{start}>",
          "the end tag </{end}> does not match the start tag <{start}> at line {start_line}; write </{start}>"}},
        {"X001.not_closed_before",
         {"<{start}> på rad {start_line} stängs inte före </{end}>; skriv </{start}> före </{end}>",
          "<{start}> at line {start_line} is not closed before </{end}>; write </{start}> before </{end}>"}},
        {"X001.not_closed_at_end",
         {"filen tar slut innan <{element}> på rad {start_line} har stängts; skriv </{element}> där elementet slutar",
          "the file ends before the <{element}> at line {start_line} is closed; write </{element}> where the element "
          "ends"}},
        {"X001.start_tag_not_closed",
         {"starttaggen <{element}> avslutas aldrig med >; skriv > (eller /> för ett tomt element) i slutet av taggen",
          "the start tag <{element}> never ends with >; write > (or /> for an empty element) at the end of the tag"}},
        {"X001.end_tag_not_closed",
         {"sluttaggen </{element}> avslutas aldrig med >; skriv </{element}>",
          "the end tag </{element}> never ends with >; write </{element}>"}},
        {"X001.bare_ampersand",
         {"ett & i texten måste skrivas &amp; (t.ex. Vård &amp; omsorg)",
          "a & in the text must be written &amp; (e.g. Health &amp; care)"}},
        {"X001.entity_semicolon",
         {"&{entity} saknar semikolon; skriv &{entity}; eller, om & ska stå som tecken, &amp;{entity}",
          "&{entity} lacks its semicolon; write &{entity}; or, if the & is meant as a character, &amp;{entity}"}},
        {"X001.unknown_entity",
         {"&{entity}; finns inte i XML, som bara har &amp; &lt; &gt; &quot; och &apos;; skriv tecknet självt (t.ex. "
          "ett mellanslag för &nbsp;, é för &eacute;) eller &amp;{entity}; om texten ska stå så",
          "&{entity}; does not exist in XML, which has only &amp; &lt; &gt; &quot; and &apos;; write the character "
          "itself (e.g. a space for &nbsp;, é for &eacute;) or &amp;{entity}; if the text is meant literally"}},
        {"X001.less_than_in_text",
         {"ett < i texten måste skrivas &lt; (t.ex. 1 &lt; 2); annars är det en tagg med ett namn som inte går att "
          "läsa",
          "a < in the text must be written &lt; (e.g. 1 &lt; 2); otherwise it is a tag whose name cannot be read"}},
        {"X001.less_than_in_attribute",
         {"ett < i ett attributvärde måste skrivas &lt;", "a < in an attribute value must be written &lt;"}},
        {"X001.unquoted_value",
         {"värdet för {attribute} står utan citattecken; skriv {attribute}=\"{value}\"",
          "the value of {attribute} has no quotes; write {attribute}=\"{value}\""}},
        {"X001.value_not_closed",
         {"attributvärdet som börjar här stängs aldrig; avsluta det med samma citattecken som det börjar med",
          "the attribute value starting here is never closed; end it with the quote it starts with"}},
        {"X001.attribute_without_value",
         {"attributet {attribute} saknar värde; skriv {attribute}=\"…\" eller ta bort det",
          "the attribute {attribute} has no value; write {attribute}=\"…\" or remove it"}},
        {"X001.duplicate_attribute",
         {"attributet {attribute} står två gånger i <{element}>; behåll ett av dem",
          "the attribute {attribute} is given twice in <{element}>; keep one of them"}},
        {"X001.comment_not_closed",
         {"kommentaren <!-- stängs aldrig; avsluta den med -->", "the comment <!-- is never closed; end it with -->"}},
        {"X001.declaration_not_first",
         {"<?xml …?> måste stå allra först i filen, utan något före (inte ens ett mellanslag eller en tom rad)",
          "<?xml …?> must come first in the file, with nothing before it (not even a space or an empty line)"}},
        {"X001.stray_end_tag",
         {"sluttaggen </{element}> har ingen starttagg (rotelementet är redan stängt); ta bort den",
          "the end tag </{element}> has no start tag (the root element is closed already); remove it"}},
        {"X001.second_root",
         {"<{element}> står efter rotelementets sluttagg; en fil har ett enda rotelement: flytta in elementet eller ta "
          "bort det",
          "<{element}> comes after the root element's end tag; a file has one root element: move the element inside it "
          "or remove it"}},
        {"X001.text_after_root",
         {"text står efter rotelementets sluttagg; ta bort den (efter sluttaggen får bara kommentarer stå)",
          "there is text after the root element's end tag; remove it (only comments may follow the end tag)"}},
        {"X001.no_start_tag",
         {"filen börjar inte med en XML-tagg; en plan börjar med <application …> och en resultatfil med <findings …>",
          "the file does not start with an XML tag; a plan starts with <application …> and a findings file with "
          "<findings …>"}},
        {"X001.invalid_character",
         {"tecknet {character} får inte stå i XML; ta bort det (det följer ofta med text som klistrats in)",
          "the character {character} is not allowed in XML; remove it (it often comes with pasted text)"}},
        {"X001.undefined_prefix",
         {"prefixet {prefix}: i <{prefix}:{element}> är inte deklarerat; skriv <{element}> utan prefix",
          "the prefix {prefix}: in <{prefix}:{element}> is not declared; write <{element}> without a prefix"}},
        {"X002.invalid", {"följer inte formatet: {detail}", "does not follow the format: {detail}"}},
        {"X002.amount",
         {"beloppet {value} går inte att läsa; skriv kronor med punkt och högst två decimaler, t.ex. 1250000.50",
          "the amount {value} cannot be read; write kronor with '.' and at most two decimals, e.g. 1250000.50"}},
        {"X002.budget_total",
         {"med det här beloppet blir budgetens belopp (kostnader, finansiering och intäkter tillsammans) mer än "
          "{limit}, mer än esfdraft kan räkna med; kontrollera beloppen",
          "with this amount the budget's amounts (costs, financing and income together) add up to more than {limit}, "
          "more than esfdraft can count; check the amounts"}},
        {"X002.decimal",
         {"talet {value} går inte att läsa exakt; skriv högst sex decimaler med punkt",
          "the number {value} cannot be read exactly; write at most six decimals with '.'"}},
        {"X002.funder",
         {"en finansiering av slaget {value} måste ange finansiär (funder=\"…\")",
          "a financing source of kind {value} must name its funder (funder=\"…\")"}},
        {"X003.unknown_programme",
         {"programmet \"{programme}\" finns inte; använd esf-2007-2013 eller esf-plus-2021-2027",
          "the programme \"{programme}\" does not exist; use esf-2007-2013 or esf-plus-2021-2027"}},
        {"X003.unknown_call",
         {"utlysningen \"{call}\" finns inte i {programme}; utlysningarna är {calls} (se esfdraft rules --pack "
          "{programme})",
          "the call \"{call}\" does not exist in {programme}; its calls are {calls} (see esfdraft rules --pack "
          "{programme})"}},
        {"X004.duplicate_id",
         {"id \"{id}\" används redan (först vid {first}); varje id ska vara unikt",
          "the id \"{id}\" is already used (first at {first}); every id must be unique"}},
        {"X004.unresolved",
         {"hänvisningen till {kind} \"{id}\" leder ingenstans", "the reference to {kind} \"{id}\" does not resolve"}},
        {"X004.not_beneficiary",
         {"raden hör till delbudgeten beneficiary=\"{id}\", men samverkansparten {partner} har rollen \"{role}\"; bara "
          "en part med role=\"beneficiary\" (eller owner, projektägaren) har en egen delbudget",
          "the line belongs to the sub-budget beneficiary=\"{id}\", but the partner {partner} has the role \"{role}\"; "
          "only a partner with role=\"beneficiary\" (or owner, the project owner) has a sub-budget of its own"}},
        {"X004.owner_id",
         {"id \"owner\" står för projektägaren i beneficiary=\"owner\"; ge samverkansparten ett annat id",
          "the id \"owner\" stands for the project owner in beneficiary=\"owner\"; give the partner another id"}},
        // ---------------------------------------------------------------- M
        {"M001.unknown_area",
         {"programområdet \"{area}\" finns inte i {programme}; välj ett av {areas}",
          "the programme area \"{area}\" does not exist in {programme}; choose one of {areas}"}},
        {"M001.area_not_in_call",
         {"utlysningen {call} gäller programområde {areas}, inte {area}; välj ett av dem eller en annan utlysning",
          "the call {call} is open to programme area {areas}, not {area}; choose one of them or another call"}},
        {"M001.area_region",
         {"programområde {area} gäller bara regionerna {regions}, men projektets region är {region}",
          "programme area {area} is open only to the regions {regions}, but the project's region is {region}"}},
        {"M002.unknown_phase",
         {"fasen \"{phase}\" finns inte i {programme}; använd {phases}",
          "the phase \"{phase}\" does not exist in {programme}; use {phases}"}},
        {"M002.phase_not_in_call",
         {"utlysningen {call} gäller fasen {phases}, inte {phase}",
          "the call {call} is open to the phase {phases}, not {phase}"}},
        {"M003.unknown_code",
         {"kommunkoden {code} finns inte i SCB:s kommunförteckning; en kommunkod är fyra siffror, t.ex. 2480 för Umeå",
          "the municipality code {code} is not in Statistics Sweden's list; a code has four digits, e.g. 2480 for "
          "Umeå"}},
        {"M003.name_mismatch",
         {"kommunkoden {code} är {expected}, inte \"{name}\"; rätta koden eller namnet",
          "the municipality code {code} is {expected}, not \"{name}\"; correct the code or the name"}},
        {"M004.outside_region",
         {"{name} ({code}) ligger i {municipality_region} {municipality_region_name}, utanför projektets region "
          "{region} {region_name}; ta bort kommunen eller markera den role=\"partner\" om den deltar som partner",
          "{name} ({code}) lies in {municipality_region} {municipality_region_name}, outside the project's region "
          "{region} {region_name}; remove it or mark it role=\"partner\" if it takes part as a partner"}},
        {"M005.form",
         {"organisationsnumret \"{number}\" ({organisation}) har fel form; skriv det som NNNNNN-NNNN",
          "the organisation number \"{number}\" ({organisation}) has the wrong form; write it as NNNNNN-NNNN"}},
        {"M005.check_digit",
         {"organisationsnumret {number} ({organisation}) har fel kontrollsiffra: {digit}, men de nio första siffrorna "
          "ger {expected}; kontrollera numret",
          "the organisation number {number} ({organisation}) has the wrong check digit: {digit}, but the first nine "
          "digits give {expected}; check the number"}},
        {"M006.email",
         {"kontaktpersonens e-postadress \"{email}\" ser inte ut som en e-postadress (namn@organisation.se)",
          "the contact's e-mail address \"{email}\" does not look like an e-mail address (name@organisation.se)"}},
        {"M007.no_prestudy",
         {"ansökan gäller genomförande men anger inte {prestudy_definite} den bygger på; lägg till <preStudy> i "
          "<project>",
          "the application is for implementation but does not name the pre-study it builds on; add <preStudy> to "
          "<project>"}},
        // ---------------------------------------------------------------- S
        {"S001.missing",
         {"avsnittet {section} saknas; {programme} kräver det",
          "the section {section} is missing; {programme} requires it"}},
        {"S001.empty",
         {"avsnittet {section} är tomt; {programme} kräver det",
          "the section {section} is empty; {programme} requires it"}},
        {"S002.too_short",
         {"avsnittet {section} har färre ord ({words}) än de {minimum} som väntas; beskriv mer utförligt",
          "the section {section} has fewer words ({words}) than the {minimum} expected; describe it in more detail"}},
        {"S003.placeholder",
         {"avsnittet {section} innehåller fortfarande platshållaren \"{placeholder}\"; skriv färdigt texten",
          "the section {section} still holds the placeholder \"{placeholder}\"; finish the text"}},
        {"S004.too_long",
         {"sammanfattningen har {characters} tecken, {excess} fler än de {maximum} som får plats; korta den",
          "the summary has {characters} characters, {excess} more than the {maximum} that fit; shorten it"}},
        {"S005.no_english",
         {"det finns ingen sammanfattning på engelska; lägg gärna till <summary lang=\"en\"> (projektbankens \"In "
          "English\")",
          "there is no English summary; consider adding <summary lang=\"en\"> (the project bank's \"In English\")"}},
        {"S006.missing",
         {"det rekommenderade avsnittet {section} saknas; granskare brukar fråga efter det",
          "the recommended section {section} is missing; reviewers usually ask for it"}},
        {"S006.empty",
         {"det rekommenderade avsnittet {section} är tomt; granskare brukar fråga efter det",
          "the recommended section {section} is empty; reviewers usually ask for it"}},
        // ---------------------------------------------------------------- G
        {"G001.no_project_goal",
         {"det finns inget projektmål (kind=\"project\"); ange vad projektet ska ha uppnått när det slutar",
          "there is no project goal (kind=\"project\"); state what the project will have achieved when it ends"}},
        {"G002.no_effect_goal",
         {"det finns inget effektmål (kind=\"effect\"); ange vilken bestående förändring projektet ska leda till",
          "there is no effect goal (kind=\"effect\"); state the lasting change the project should lead to"}},
        {"G003.no_indicator",
         {"målet {goal} har ingen indikator; lägg till en <indicator> med ett målvärde (target) så att målet går att "
          "följa upp",
          "the goal {goal} has no indicator; add an <indicator> with a target so that the goal can be followed up"}},
        {"G004.due_outside",
         {"indikatorn \"{indicator}\" i projektmålet {goal} ska nås {due}, utanför projektperioden {period}; ett "
          "projektmål nås inom perioden",
          "the indicator \"{indicator}\" of the project goal {goal} is due {due}, outside the project period {period}; "
          "a project goal is reached within the period"}},
        {"G005.no_split",
         {"indikatorn \"{indicator}\" i målet {goal} räknar {target} personer men anger inte hur många som är "
          "{categories}",
          "the indicator \"{indicator}\" of the goal {goal} counts {target} persons but does not say how many are "
          "{categories}"}},
        {"G005.split_mismatch",
         {"indikatorn \"{indicator}\" i målet {goal}: kvinnor ({women}) och män ({men}) blir {sum}, inte målvärdet "
          "{target}",
          "the indicator \"{indicator}\" of the goal {goal}: women ({women}) and men ({men}) make {sum}, not the "
          "target {target}"}},
        {"G006.no_activity",
         {"ingen aktivitet arbetar mot målet {goal}; ange målet i goals för minst en aktivitet",
          "no activity works towards the goal {goal}; name it in the goals of at least one activity"}},
        {"G007.no_basis",
         {"målet {goal} stöds inte av något resultat från {prestudy_definite}; lägg till <basis finding=\"…\">",
          "the goal {goal} rests on no finding of the pre-study; add <basis finding=\"…\">"}},
        {"G008.target_not_above_baseline",
         {"indikatorn \"{indicator}\" i målet {goal} har målvärdet {target}, inte över utgångsvärdet {baseline}; ett "
          "mål ska beskriva en förbättring",
          "the indicator \"{indicator}\" of the goal {goal} has the target {target}, not above its baseline "
          "{baseline}; a goal should describe an improvement"}},
        // ---------------------------------------------------------------- A
        {"A001.missing",
         {"avsnittet om tillgänglighet saknas; beskriv hur personer med funktionsnedsättning kan ta del av projektet "
          "(lokaler, information, delaktighet)",
          "the accessibility section is missing; describe how people with disabilities can take part in the project "
          "(premises, information, participation)"}},
        {"A001.empty",
         {"avsnittet om tillgänglighet är tomt; beskriv hur personer med funktionsnedsättning kan ta del av projektet "
          "(lokaler, information, delaktighet)",
          "the accessibility section is empty; describe how people with disabilities can take part in the project "
          "(premises, information, participation)"}},
        {"A002.physical",
         {"tillgänglighetsavsnittet tar inte upp lokalerna (physical): är de tillgängliga för personer med "
          "funktionsnedsättning?",
          "the accessibility section does not address the premises (physical): are they accessible to people with "
          "disabilities?"}},
        {"A002.information",
         {"tillgänglighetsavsnittet tar inte upp information, material och webb (information): hur når de alla?",
          "the accessibility section does not address information, material and web (information): how do they reach "
          "everyone?"}},
        {"A002.participation",
         {"tillgänglighetsavsnittet tar inte upp delaktighet (participation): hur deltar personer med "
          "funktionsnedsättning på lika villkor?",
          "the accessibility section does not address participation (participation): how do people with disabilities "
          "take part on equal terms?"}},
        {"A003.nothing_pays",
         {"ingen aktivitet eller kostnad är märkt tags=\"accessibility\": planen lovar tillgänglighetsåtgärder som "
          "ingen del av budgeten betalar",
          "no activity or cost carries tags=\"accessibility\": the plan promises accessibility measures that no part "
          "of the budget pays for"}},
        // ---------------------------------------------------------------- B
        {"B001.no_costs",
         {"budgeten har inga kostnader; lägg till minst en <cost>",
          "the budget has no costs; add at least one <cost>"}},
        {"B001.not_positive",
         {"kostnaden \"{cost}\" är {amount}; varje kostnad ska vara större än noll",
          "the cost \"{cost}\" is {amount}; every cost must be more than zero"}},
        {"B001.negative_cost",
         {"kostnaden \"{cost}\" är {amount}; en kostnad får inte vara negativ. Pengar som projektet självt får in och "
          "som minskar kostnaderna skrivs som <income amount=\"…\"> med positivt belopp",
          "the cost \"{cost}\" is {amount}; a cost may not be negative. Money the project earns, which lowers its "
          "costs, is written as <income amount=\"…\"> with a positive amount"}},
        {"B001.negative_source",
         {"finansieringen från {source} är {amount}; ett belopp får inte vara negativt. Pengar som projektet självt "
          "får in och som minskar kostnaderna skrivs som <income amount=\"…\"> med positivt belopp",
          "the financing from {source} is {amount}; an amount may not be negative. Money the project earns, which "
          "lowers its costs, is written as <income amount=\"…\"> with a positive amount"}},
        {"B001.negative_income",
         {"intäkten \"{income}\" är {amount}; skriv intäkten i <income> med positivt belopp: den dras av från "
          "kostnaderna",
          "the income \"{income}\" is {amount}; write the income in <income> as a positive amount: it is subtracted "
          "from the costs"}},
        {"B002.category",
         {"kostnaden \"{cost}\" har kostnadsslaget \"{category}\", som {programme} inte tillåter; använd {allowed}",
          "the cost \"{cost}\" has the category \"{category}\", which {programme} does not allow; use {allowed}"}},
        {"B003.year_outside",
         {"kostnaden \"{cost}\" ligger på år {year}, utanför projektperioden {period}",
          "the cost \"{cost}\" falls in {year}, outside the project period {period}"}},
        {"B004.activity_year",
         {"kostnaden \"{cost}\" ligger på år {year}, men aktiviteten {activity} pågår {period}",
          "the cost \"{cost}\" falls in {year}, but the activity {activity} runs {period}"}},
        {"B005.short",
         {"finansieringen ({financing}) täcker inte kostnaderna ({costs}): {difference} saknas",
          "the financing ({financing}) does not cover the costs ({costs}): {difference} is missing"}},
        {"B005.short_income",
         {"finansieringen ({financing}) täcker inte kostnaderna minus intäkterna ({costs} − {income} = {eligible}): "
          "{difference} saknas",
          "the financing ({financing}) does not cover the costs less the income ({costs} − {income} = {eligible}): "
          "{difference} is missing"}},
        {"B005.excess",
         {"finansieringen ({financing}) är större än kostnaderna ({costs}): {difference} för mycket",
          "the financing ({financing}) exceeds the costs ({costs}) by {difference}"}},
        {"B005.excess_income",
         {"finansieringen ({financing}) är större än kostnaderna minus intäkterna ({costs} − {income} = {eligible}): "
          "{difference} för mycket",
          "the financing ({financing}) exceeds the costs less the income ({costs} − {income} = {eligible}) by "
          "{difference}"}},
        {"B006.esf_share",
         {"ESF-stödet ({esf}) är {share} av de stödberättigande kostnaderna ({eligible}), men högst {maximum} är "
          "tillåtet ({by}); sänk stödet till högst {allowed} ({excess} mindre)",
          "the ESF support ({esf}) is {share} of the eligible costs ({eligible}), but at most {maximum} is allowed "
          "({by}); lower it to at most {allowed} ({excess} less)"}},
        {"B007.cofinancing",
         {"medfinansieringen ({cofinancing}) är {share} av de stödberättigande kostnaderna ({eligible}), men minst "
          "{minimum} krävs ({by}): {missing} saknas",
          "the co-financing ({cofinancing}) is {share} of the eligible costs ({eligible}), but at least {minimum} is "
          "required ({by}): {missing} is missing"}},
        {"B008.indirect",
         {"de indirekta kostnaderna ({indirect}) är {share} av personalkostnaderna ({staff}); schablonen tillåter "
          "högst {maximum}, alltså {allowed}: {excess} för mycket",
          "the indirect costs ({indirect}) are {share} of the staff costs ({staff}); the flat rate allows at most "
          "{maximum}, that is {allowed}: {excess} too much"}},
        {"B008.no_staff",
         {"budgeten har indirekta kostnader ({indirect}) men inga personalkostnader; schablonen är högst {maximum} av "
          "personalkostnaderna",
          "the budget has indirect costs ({indirect}) but no staff costs; the flat rate is at most {maximum} of the "
          "staff costs"}},
        {"B009.ceiling",
         {"ESF-stödet ({esf}) är över taket på {ceiling} ({by}) med {excess}",
          "the ESF support ({esf}) is above the ceiling of {ceiling} ({by}) by {excess}"}},
        {"B010.owner_in_kind",
         {"projektägaren {owner} står som medfinansiär i annat än pengar ({amount}); en projektägare medfinansierar "
          "bara med pengar, och egen personal är en kostnad i projektet",
          "the project owner {owner} is listed as an in-kind co-financier ({amount}); an owner co-finances with cash "
          "only, and its own staff are a cost of the project"}},
        {"B011.share",
         {"kostnaderna märkta transnational ({transnational}) är {share} av kostnaderna ({costs}), men utlysningen "
          "{call} kräver minst {minimum}: {missing} saknas",
          "the costs tagged transnational ({transnational}) are {share} of the costs ({costs}), but the call {call} "
          "requires at least {minimum}: {missing} is missing"}},
        {"B011.section_required",
         {"utlysningen {call} kräver transnationellt samarbete (minst {minimum} av kostnaderna), men avsnittet om "
          "transnationellt samarbete saknas eller är tomt",
          "the call {call} requires transnational cooperation (at least {minimum} of the costs), but the transnational "
          "section is missing or empty"}},
        {"B011.section_without_costs",
         {"avsnittet om transnationellt samarbete beskriver ett samarbete, men ingen kostnad är märkt "
          "tags=\"transnational\"",
          "the transnational section describes a cooperation, but no cost carries tags=\"transnational\""}},
        {"B011.costs_without_section",
         {"kostnader märkta transnational ({transnational}) finns, men avsnittet om transnationellt samarbete saknas; "
          "beskriv samarbetet eller ta bort märkningen",
          "there are costs tagged transnational ({transnational}) but no transnational section; describe the "
          "cooperation or remove the tag"}},
        // ---------------------------------------------------------------- D
        {"D001.invalid_date",
         {"{what}: datumet {date} ({attribute}) finns inte i kalendern",
          "{what}: the date {date} ({attribute}) does not exist"}},
        {"D001.end_before_start",
         {"{what} slutar {end}, före sin början {start}", "{what} ends {end}, before it starts {start}"}},
        {"D001.activity_invalid_date",
         {"aktivitet {number} ({activity}): datumet {date} ({attribute}) finns inte i kalendern",
          "activity {number} ({activity}): the date {date} ({attribute}) does not exist"}},
        {"D001.activity_end_before_start",
         {"aktivitet {number} ({activity}) slutar {end}, före sin början {start}",
          "activity {number} ({activity}) ends {end}, before it starts {start}"}},
        {"D002.too_long",
         {"projektet pågår {duration}; {phase_name} får pågå högst {limit} månader",
          "the project runs {duration}; {phase_name} may run at most {limit} months"}},
        {"D002.long",
         {"projektet pågår {duration}; {phase_name} brukar pågå högst {limit} månader, så motivera längden",
          "the project runs {duration}; {phase_name} usually runs at most {limit} months, so explain the length"}},
        {"D003.before_window",
         {"projektet börjar {start}, före programmets stödberättigande period {window} ({programme})",
          "the project starts {start}, before the programme's eligibility window {window} ({programme})"}},
        {"D003.after_window",
         {"projektet slutar {end}, efter programmets stödberättigande period {window} ({programme})",
          "the project ends {end}, after the programme's eligibility window {window} ({programme})"}},
        {"D004.too_early",
         {"projektet börjar {start}, men utlysningen {call} tillåter start tidigast {earliest}",
          "the project starts {start}, but the call {call} allows a start on {earliest} at the earliest"}},
        {"D004.too_late",
         {"projektet slutar {end}, men utlysningen {call} kräver att det slutar senast {latest}",
          "the project ends {end}, but the call {call} requires it to end by {latest}"}},
        {"D005.activity_outside",
         {"aktiviteten {activity} ({dates}) ligger utanför projektperioden {period}",
          "the activity {activity} ({dates}) lies outside the project period {period}"}},
        {"D006.overlap",
         {"genomförandet börjar {start}, innan {prestudy_definite} slutade {prestudy_end}; genomförandet ska bygga på "
          "{prestudy_finished}",
          "the implementation starts {start}, before the pre-study ended on {prestudy_end}; an implementation builds "
          "on a finished pre-study"}},
        {"D006.gap",
         {"det går {duration} mellan {prestudy_genitive} slut ({prestudy_end}) och genomförandets start ({start}), mer "
          "än {limit} månader; visa att resultaten fortfarande gäller",
          "the gap between the end of the pre-study ({prestudy_end}) and the start of the implementation ({start}) is "
          "{duration}, more than {limit} months; show that the findings still hold"}},
        {"D007.started",
         {"projektet startar {start}, före dagens datum ({today}); flytta starten framåt eller kontrollera datumet",
          "the project starts {start}, before today ({today}); move the start forward or check the date"}},
        // ---------------------------------------------------------------- F
        {"F001.unused",
         {"resultatet {finding} (\"{statement}\") är inte grund för något mål; knyt det till ett mål med <basis "
          "finding=\"{finding}\"> eller markera det scope=\"out\"",
          "the finding {finding} (\"{statement}\") is the basis of no goal; link it to a goal with <basis "
          "finding=\"{finding}\"> or mark it scope=\"out\""}},
        {"F002.unanswered",
         {"frågeställningen {question} (\"{text}\") besvaras inte av något resultat",
          "the research question {question} (\"{text}\") is answered by no finding"}},
        {"F003.period",
         {"planen anger {prestudy_definite} till {plan}, men resultatfilen {file} anger {study}; rätta den som är fel",
          "the plan gives the pre-study as {plan}, but the findings file {file} gives {study}; correct the wrong one"}},
        {"F004.no_evidence",
         {"resultatet {finding} saknar underlag; lägg till minst en <evidence> (enkät, intervju, workshop, dokument "
          "eller statistik)",
          "the finding {finding} has no evidence; add at least one <evidence> (survey, interview, workshop, document "
          "or statistics)"}},
        // ---------------------------------------------------------------- issue 15: added rules
        {"M008.call_region",
         {"utlysningen {call} gäller regionerna {regions}, inte projektets region {region} {region_name}; välj en "
          "utlysning för projektets region eller rätta <region>",
          "the call {call} is open to the regions {regions}, not to the project's region {region} {region_name}; "
          "choose a call for the project's region or correct <region>"}},
        {"M008.call_area",
         {"utlysningen {call} gäller programområdena {areas}, inte projektets programområde {area}; välj en utlysning "
          "för programområdet eller rätta <programmeArea>",
          "the call {call} is open to the programme areas {areas}, not to the project's area {area}; choose a call for "
          "that area or correct <programmeArea>"}},
        {"M009.missing",
         {"utlysningen {call} kräver bilagan {name_sv}, men den finns inte bland bilagorna; lägg till <attachment "
          "kind=\"{kind}\">titel</attachment> i <attachments>",
          "the call {call} requires the attachment {name_en}, but the attachments do not list it; add <attachment "
          "kind=\"{kind}\">title</attachment> to <attachments>"}},
        {"M009.unknown_kind",
         {"bilagan \"{title}\" är av slaget \"{kind}\", som utlysningen {call} inte tar emot (bara bilagor som "
          "utlysningen listar bedöms); använd ett av {kinds} eller ta bort bilagan",
          "the attachment \"{title}\" is of the kind \"{kind}\", which the call {call} does not take (only the "
          "attachments a call lists are considered); use one of {kinds} or remove it"}},
        {"M010.no_applicant",
         {"sökandens uppgifter saknas: {missing}; lägg till <applicant> i <project>",
          "the applicant's details are missing: {missing}; add <applicant> to <project>"}},
        {"M010.incomplete",
         {"sökandens uppgifter är ofullständiga: {missing} saknas i <applicant>",
          "the applicant's details are incomplete: <applicant> lacks {missing}"}},
        {"S007.no_ground",
         {"avsnittet om icke-diskriminering nämner ingen av diskrimineringsgrunderna ({grounds_sv}); beskriv vilka "
          "grunder projektet berör och hur det motverkar diskriminering",
          "the non-discrimination section names none of the grounds of discrimination ({grounds_en}); describe which "
          "grounds the project touches and how it counters discrimination"}},
        {"G005.split_mismatch_non_binary",
         {"indikatorn \"{indicator}\" i målet {goal}: kvinnor ({women}), män ({men}) och icke-binära ({non_binary}) "
          "blir {sum}, inte målvärdet {target}",
          "the indicator \"{indicator}\" of the goal {goal}: women ({women}), men ({men}) and non-binary persons "
          "({non_binary}) make {sum}, not the target {target}"}},
        {"G005.split_mismatch_undeclared",
         {"indikatorn \"{indicator}\" i målet {goal}: {categories} blir {sum}, inte målvärdet {target}; nonBinary "
          "räknas inte, eftersom {programme} inte har den kategorin",
          "the indicator \"{indicator}\" of the goal {goal}: {categories} make {sum}, not the target {target}; "
          "nonBinary does not count, as {programme} has no such category"}},
        {"G009.project_specific",
         {"indikatorn \"{indicator}\" i målet {goal} är projektspecifik; om den räknar samma sak som en av de "
          "gemensamma indikatorerna, ange den indikatorns kod (code=\"EECO…\")",
          "the indicator \"{indicator}\" of the goal {goal} is project-specific; if it counts what a common indicator "
          "counts, give its code (code=\"EECO…\")"}},
        {"G009.unknown_code",
         {"indikatorn \"{indicator}\" i målet {goal} har koden {code}, som inte är en gemensam indikator i "
          "{programme}; rätta koden ({codes}) eller ta bort den om indikatorn är projektspecifik",
          "the indicator \"{indicator}\" of the goal {goal} has the code {code}, which is not a common indicator of "
          "{programme}; correct it ({codes}) or remove it if the indicator is project-specific"}},
        {"B012.not_in_pack",
         {"budgeten använder kostnadsmodellen {model}, som {programme} inte har; använd {allowed}",
          "the budget uses the cost model {model}, which {programme} does not have; use {allowed}"}},
        {"B012.not_in_call",
         {"budgeten använder kostnadsmodellen {model}, som utlysningen {call} inte tillåter; använd {allowed}",
          "the budget uses the cost model {model}, which the call {call} does not allow; use {allowed}"}},
        {"B012.combined",
         {"budgeten kombinerar {model} med {other}; de två schablonerna får aldrig kombineras, välj den ena",
          "the budget combines {model} with {other}; the two flat rates are never combined, choose one"}},
        {"B012.category",
         {"kostnaden \"{cost}\" har kostnadsslaget \"{category}\", men med {model} får budgeten bara ha {allowed}; "
          "flytta kostnaden till schablonen eller byt kostnadsmodell",
          "the cost \"{cost}\" has the category \"{category}\", but with {model} the budget holds only {allowed}; let "
          "the flat rate cover it or choose another cost model"}},
        {"B012.rate",
         {"schablonen ({flat}) är mer än {rate} av kostnaderna för {base_category} ({base}) som {model} tillåter, "
          "alltså högst {allowed}: {excess} för mycket",
          "the flat rate ({flat}) is more than the {rate} of the {base_category} costs ({base}) that {model} allows, "
          "that is at most {allowed}: {excess} too much"}},
        {"B013.not_simplified",
         {"projektets kostnader ({total}) är högst {threshold} (EUR {threshold_eur} till kursen {rate} kr per euro i "
          "utlysningen {call}); ett så litet projekt ska redovisas med förenklade kostnader: ange en förenklad modell "
          "i budget/@costModel (t.ex. remaining-flat-rate)",
          "the project's costs ({total}) are at most {threshold} (EUR {threshold_eur} at the call {call}'s rate of SEK "
          "{rate} per euro); an operation this small uses simplified costs: name a simplified model in "
          "budget/@costModel (e.g. remaining-flat-rate)"}},
        {"B014.cost_unassigned",
         {"kostnaden \"{cost}\" anger inte vems delbudget den hör till; ange beneficiary=\"owner\" eller id för en "
          "stödmottagande samverkanspart",
          "the cost \"{cost}\" does not say whose sub-budget it belongs to; give beneficiary=\"owner\" or the id of a "
          "beneficiary partner"}},
        {"B014.source_unassigned",
         {"finansieringen från {source} anger inte vems delbudget den hör till; ange beneficiary=\"owner\" eller id "
          "för en stödmottagande samverkanspart",
          "the financing from {source} does not say whose sub-budget it belongs to; give beneficiary=\"owner\" or the "
          "id of a beneficiary partner"}},
        {"B014.short",
         {"delbudgeten för {name} ({beneficiary}) går inte ihop: finansieringen ({financing}) täcker inte kostnaderna "
          "({costs}), {difference} saknas",
          "the sub-budget of {name} ({beneficiary}) does not balance: the financing ({financing}) does not cover the "
          "costs ({costs}), {difference} is missing"}},
        {"B014.excess",
         {"delbudgeten för {name} ({beneficiary}) går inte ihop: finansieringen ({financing}) är större än kostnaderna "
          "({costs}) med {difference}",
          "the sub-budget of {name} ({beneficiary}) does not balance: the financing ({financing}) exceeds the costs "
          "({costs}) by {difference}"}},
        // ---------------------------------------------------------------- issue 10: lenient reading
        {"X005.repeated",
         {"avsnittet {section} står också på rad {other}; skriv varje avsnitt en gång (slå ihop texterna och ta bort "
          "det ena)",
          "the section {section} is also given at line {other}; give each section once (merge the texts and remove "
          "one)"}},
        {"X005.repeated_summary",
         {"en sammanfattning på språket {lang} står också på rad {other} (utan lang gäller sv); skriv en "
          "sammanfattning per språk",
          "a summary in the language {lang} is also given at line {other} (no lang means sv); give one summary per "
          "language"}},
        {"X002.not_a_plan",
         {"filen är ingen plan: rotelementet är <{root}> (namnrymd {namespace}); en plan börjar med <application "
          "xmlns=\"{expected}\" programme=\"…\">",
          "the file is not a plan: its root element is <{root}> (namespace {namespace}); a plan starts with "
          "<application xmlns=\"{expected}\" programme=\"…\">"}},
        {"X002.findings_given_as_plan",
         {"filen är ingen plan: rotelementet är <findings>, det är förprojekteringens resultatfil; ange planen "
          "(<application xmlns=\"{expected}\">) och ge resultatfilen med --findings eller preStudy/@findings",
          "the file is not a plan: its root element is <findings>, the pre-study's findings file; give the plan "
          "(<application xmlns=\"{expected}\">) and the findings file with --findings or preStudy/@findings"}},
        {"X002.plan_namespace",
         {"filen är ingen plan: <application> har namnrymden {namespace}; skriv xmlns=\"{expected}\" på <application>",
          "the file is not a plan: <application> has the namespace {namespace}; write xmlns=\"{expected}\" on "
          "<application>"}},
        {"X002.plan_no_namespace",
         {"filen är ingen plan: <application> har ingen namnrymd; skriv xmlns=\"{expected}\" på <application>",
          "the file is not a plan: <application> has no namespace; write xmlns=\"{expected}\" on <application>"}},
        {"X002.findings_no_namespace",
         {"filen är ingen resultatfil: <findings> har ingen namnrymd; skriv xmlns=\"{expected}\" på <findings>",
          "the file is not a findings file: <findings> has no namespace; write xmlns=\"{expected}\" on <findings>"}},
        {"X002.misplaced",
         {"elementet <{element}> väntas inte här; här ska {expected} stå (det saknas, eller ordningen är en annan)",
          "the element <{element}> is not expected here; {expected} should come here (it is missing, or the order "
          "differs)"}},
        {"X002.missing_child",
         {"i <{element}> saknas ett element; här väntas {expected}",
          "an element is missing in <{element}>; {expected} is expected here"}},
        {"X002.not_findings",
         {"filen är ingen resultatfil: rotelementet är <{root}> (namnrymd {namespace}); en resultatfil börjar med "
          "<findings xmlns=\"{expected}\">",
          "the file is not a findings file: its root element is <{root}> (namespace {namespace}); a findings file "
          "starts with <findings xmlns=\"{expected}\">"}},
        {"X002.findings_namespace",
         {"filen är ingen resultatfil: <findings> har namnrymden {namespace}; skriv xmlns=\"{expected}\" på <findings>",
          "the file is not a findings file: <findings> has the namespace {namespace}; write xmlns=\"{expected}\" on "
          "<findings>"}},
        {"X002.amount_form_suggest",
         {"beloppet \"{value}\" går inte att läsa; skriv beloppet med punkt och utan mellanslag: {suggestion}",
          "the amount \"{value}\" cannot be read; write it with '.' and without spaces: {suggestion}"}},
        {"X002.amount_form",
         {"beloppet \"{value}\" går inte att läsa; skriv beloppet med punkt och utan mellanslag, t.ex. 40000.50 (en "
          "intäkt skrivs som <income>)",
          "the amount \"{value}\" cannot be read; write it with '.' and without spaces, e.g. 40000.50 (an income is "
          "written as <income>)"}},
        {"X002.date_form",
         {"datumet \"{value}\" i {name} går inte att läsa; skriv ÅÅÅÅ-MM-DD, t.ex. 2010-01-31",
          "the date \"{value}\" in {name} cannot be read; write YYYY-MM-DD, e.g. 2010-01-31"}},
        {"X002.not_allowed",
         {"värdet \"{value}\" är inte tillåtet i {name}; tillåtna värden: {allowed}",
          "the value \"{value}\" is not allowed in {name}; the allowed values are {allowed}"}},
        {"X002.unknown_element",
         {"elementet <{element}> finns inte i formatet; menade du <{nearest}>?",
          "the element <{element}> is not part of the format; did you mean <{nearest}>?"}},
        {"X002.unknown_element_expected",
         {"elementet <{element}> finns inte i formatet och hör inte hemma här; här väntas {expected}",
          "the element <{element}> is not part of the format and does not belong here; {expected} is expected here"}},
        {"X002.year_form",
         {"året \"{value}\" i {name} går inte att läsa; skriv fyra siffror, t.ex. 2010",
          "the year \"{value}\" in {name} cannot be read; write four digits, e.g. 2010"}},
        {"X002.unknown_element_here",
         {"elementet <{element}> finns inte i formatet; ta bort det eller rätta namnet (docs/format.md visar "
          "elementen)",
          "the element <{element}> is not part of the format; remove it or correct its name (docs/format.md shows the "
          "elements)"}},
        {"X002.not_here",
         {"elementet <{element}> hör inte hemma här; ta bort det eller flytta det dit formatet har det",
          "the element <{element}> does not belong here; remove it or move it to where the format has it"}},
        {"X002.missing_attribute",
         {"<{element}> saknar attributet {attribute}; skriv {attribute}=\"…\"",
          "<{element}> lacks the attribute {attribute}; write {attribute}=\"…\""}},
        {"X002.attribute_not_allowed",
         {"<{element}> har inget attribut {attribute}; ta bort det eller rätta namnet",
          "<{element}> has no attribute {attribute}; remove it or correct its name"}},
        {"X002.text_not_allowed",
         {"i <{element}> får text bara stå inuti elementen (t.ex. <p>…</p>); flytta in texten i ett element eller ta "
          "bort den",
          "in <{element}> text may stand only inside its elements (e.g. <p>…</p>); move the text into an element or "
          "remove it"}},
        {"X002.not_a_number",
         {"\"{value}\" i {name} är inget tal; skriv siffror med punkt som decimaltecken, t.ex. 12.5",
          "\"{value}\" in {name} is not a number; write digits with '.' as the decimal mark, e.g. 12.5"}},
    };
    return table;
}

// What each rule checks (the rules reference, docs/rules.md), in both languages.
// Long because it is a table: one entry per rule.
const Table& meanings() {
    static const Table table = {
        {"X001",
         {"filen är välformad XML (rad och kolumn för felet)",
          "the file is well-formed XML (line and column of the fault)"}},
        {"X002",
         {"filen följer planens eller resultatfilens XSD (en anmärkning per avvikelse, med rad och kolumn)",
          "the file is valid against the plan / findings XSD (one finding per violation, with line and column)"}},
        {"X003",
         {"programme anger en regelsamling som finns; call anger en utlysning i den",
          "programme names a rule pack that exists; call names a call in it"}},
        {"X004",
         {"varje id är unikt och varje hänvisning (goals, activity, basis/@finding, question, actors) leder rätt",
          "every id is unique and every reference (goals, activity, basis/@finding, question, actors) resolves"}},
        {"M001",
         {"programområdet är ett av regelsamlingens (och utlysningens, om den begränsar dem)",
          "programmeArea is one of the pack's areas (and the call's, if it limits them)"}},
        {"M002", {"fasen är en som regelsamlingen känner", "phase is one the pack knows"}},
        {"M003",
         {"varje kommunkod finns (SCB:s kommunkod) och namnet, när det anges, stämmer med koden",
          "every municipality code exists (SCB kommunkod) and, when named, the name matches the code"}},
        {"M004",
         {"varje kommun ligger i planens region, om den inte är markerad role=\"partner\" (att utlysningen gäller "
          "regionen är M008)",
          "every municipality lies in the plan's region, unless marked role=\"partner\" (that the call covers the "
          "region is M008)"}},
        {"M005",
         {"projektägarens organisationsnummer har rätt form och kontrollsiffra (likaså partners och finansiärers)",
          "the owner's organisationsnummer has the right form and Luhn check digit (same for partners and funders that "
          "give one)"}},
        {"M006", {"kontaktpersonen har en rimlig e-postadress", "the contact has a plausible e-mail address"}},
        {"M007",
         {"en ansökan om genomförande anger förprojekteringen den bygger på (preStudy)",
          "an implementation application names the pre-study it builds on (preStudy)"}},
        {"S001",
         {"varje avsnitt som regelsamlingen kräver finns och är inte tomt",
          "each section the pack requires is present and not empty"}},
        {"S002",
         {"ett krävt avsnitt har färre ord än regelsamlingens minimum (normalt 40; sammanfattningen 25)",
          "a required section has fewer words than the pack's minimum (default 40; summary 25)"}},
        {"S003",
         {"ett avsnitt innehåller fortfarande platshållartext (TODO, XXX, Lorem ipsum, att komplettera, […], ...)",
          "a section still holds placeholder text (TODO, XXX, Lorem ipsum, att komplettera, […], ...)"}},
        {"S004",
         {"sammanfattningen är längre än regelsamlingens gräns (normalt 2 000 tecken)",
          "the summary is longer than the pack's limit (default 2 000 characters)"}},
        {"S005", {"det finns ingen sammanfattning på engelska", "there is no English summary"}},
        {"S006",
         {"rekommenderade avsnitt saknas (spridning, utvärdering; ESF+ även riskanalys och projektlogik)",
          "recommended sections are missing (dissemination, evaluation; ESF+ also risk analysis and project logic)"}},
        {"G001", {"minst ett projektmål (project)", "at least one project goal"}},
        {"G002", {"minst ett effektmål (effect)", "at least one effect goal"}},
        {"G003",
         {"varje mål har minst en indikator med ett numeriskt målvärde",
          "every goal has at least one indicator with a numeric target"}},
        {"G004",
         {"ett projektmåls indikator ska nås inom projektperioden",
          "a project goal's indicator is due inside the project period"}},
        {"G005",
         {"en indikator för personer anger regelsamlingens könskategorier (kvinnor och män; i ESF+ får icke-binära "
          "anges och räknas då med); fel när de anges och inte blir målvärdet",
          "a persons indicator gives the pack's gender categories (women and men; in ESF+ nonBinary may be given and "
          "then counts); error when they are given and do not add up to target"}},
        {"G006",
         {"varje mål har minst en aktivitet som arbetar mot det", "every goal is served by at least one activity"}},
        {"G007",
         {"i en ansökan om genomförande med resultatfil har varje mål stöd i ett resultat (basis)",
          "in an implementation application with findings, every goal has a basis in a finding"}},
        {"G008",
         {"en indikators målvärde är inte högre än utgångsvärdet", "an indicator's target is not above its baseline"}},
        {"A001",
         {"avsnittet om tillgänglighet finns och är inte tomt", "the accessibility section is present and not empty"}},
        {"A002",
         {"var och en av tillgänglighetens tre aspekter tas upp: lokaler, information, delaktighet",
          "each of accessibility's three aspects is addressed: physical, information, participation"}},
        {"A003",
         {"i en ansökan om genomförande är ingen aktivitet eller kostnad märkt accessibility",
          "in an implementation application, no activity or cost carries the tag accessibility"}},
        {"B001",
         {"minst en kostnadsrad; varje kostnad är större än noll och ingen finansiering eller intäkt är negativ",
          "at least one cost line; every cost is positive and no financing or income is negative"}},
        {"B002", {"varje kostnadsslag är tillåtet i regelsamlingen", "every cost category is allowed by the pack"}},
        {"B003", {"varje kostnadsår ligger inom projektperioden", "every cost year lies within the project period"}},
        {"B004",
         {"en kostnad knuten till en aktivitet ligger på ett år då aktiviteten inte pågår",
          "a cost tied to an activity falls in a year the activity does not run"}},
        {"B005",
         {"budgeten går ihop: kostnader − intäkter = finansiering; rapporten ger båda summorna och skillnaden",
          "the budget balances: sum(costs) − sum(income) = sum(financing); the report gives both sums and the "
          "difference"}},
        {"B006",
         {"ESF-stödets andel av de stödberättigande kostnaderna är högst regelsamlingens eller utlysningens maximum",
          "the ESF share of the eligible cost is at most the pack's / call's maximum"}},
        {"B007",
         {"medfinansieringen (alla källor utom esf) är minst utlysningens lägsta andel",
          "co-financing (all sources but esf) is at least the call's minimum share"}},
        {"B008",
         {"indirekta kostnader är högst regelsamlingens schablon (t.ex. ESF+: 15 % av personalkostnaderna)",
          "indirect costs are at most the pack's flat-rate limit (e.g. ESF+: 15 % of staff costs)"}},
        {"B009", {"ESF-stödet är högst utlysningens tak", "the ESF amount is at most the call's ceiling"}},
        {"B010", {"projektägaren står som medfinansiär i annat än pengar", "the owner appears as an in-kind funder"}},
        {"B011",
         {"utlysningen kräver en transnationell andel och kostnaderna märkta transnational når inte upp till den; "
          "varning när avsnittet finns men ingen kostnad är märkt, eller tvärtom",
          "the call requires a transnational share and costs tagged transnational fall below it; warning when a "
          "transnational section exists but no cost carries the tag, or the reverse"}},
        {"D001",
         {"varje datum finns i kalendern; slutet ligger efter början",
          "every date is a real date; end is after start"}},
        {"D002",
         {"längden passar fasen (2007–2013: förprojektering varning över 6 månader, fel över 9; genomförande varning "
          "över 36)",
          "the duration suits the phase (2007–2013 pre-study: warning above 6 months, error above 9; implementation: "
          "warning above 36 months)"}},
        {"D003",
         {"perioden ligger inom programmets stödberättigande period",
          "the period lies within the programme's eligibility window"}},
        {"D004",
         {"perioden håller utlysningens tidigaste start och senaste slut",
          "the period respects the call's earliest start and latest end"}},
        {"D005", {"varje aktivitet ligger inom projektperioden", "every activity lies within the project period"}},
        {"D006",
         {"genomförandet börjar efter att förprojekteringen slutat; varning när uppehållet är längre än 12 månader",
          "an implementation period starts after the pre-study ended; warning when the gap exceeds 12 months"}},
        {"D007",
         {"projektet startar före den dag kontrollen görs (dagen kan låsas för reproducerbara rapporter)",
          "the project starts before the day the check is run (the day can be fixed for reproducible reports)"}},
        {"F001",
         {"ett resultat inom ramen som inget mål anger som grund",
          "a finding in scope that no goal names as its basis"}},
        {"F002", {"en frågeställning utan resultat", "a research question with no finding"}},
        {"F003",
         {"resultatfilens studieperiod skiljer sig från planens preStudy-period",
          "the findings' study period differs from the plan's preStudy period"}},
        {"F004", {"ett resultat utan underlag (evidence)", "a finding with no evidence"}},
        {"M008",
         {"utlysningen gäller planens region och programområde (utlysningens egna listor)",
          "the call covers the plan's region and programme area (the call's own lists)"}},
        {"M009",
         {"varje bilaga som utlysningen kräver finns i attachments (och bara bilagor som utlysningen listar)",
          "every attachment the call requires is listed in attachments (and only attachments the call lists)"}},
        {"M010",
         {"sökandens uppgifter som en ansökan behöver finns: slag av organisation, postadress, behörig firmatecknare, "
          "ekonomikontakt",
          "the applicant's details an application needs are given: kind, address, authorised signatory, finance "
          "contact"}},
        {"S007",
         {"(ESF+) avsnittet om icke-diskriminering tar upp diskrimineringsgrunderna: det nämner ingen av de sju (kön, "
          "könsöverskridande identitet eller uttryck, etnisk tillhörighet, religion eller annan trosuppfattning, "
          "funktionsnedsättning, sexuell läggning, ålder)",
          "(ESF+) the non-discrimination section addresses the grounds of discrimination: it names none of the seven "
          "(kön, könsöverskridande identitet eller uttryck, etnisk tillhörighet, religion eller annan trosuppfattning, "
          "funktionsnedsättning, sexuell läggning, ålder)"}},
        {"G009",
         {"en indikator är inte en av regelsamlingens gemensamma indikatorer (den är projektspecifik)",
          "an indicator is not one of the pack's common indicators (it is project-specific)"}},
        {"B012",
         {"budgetens kostnadsmodell är en som regelsamlingen och utlysningen tillåter, och raderna passar den: med "
          "schablonen för övriga kostnader bara personalkostnader, deltagarkostnader och schablonraden; schablonerna "
          "för indirekta och för övriga kostnader kombineras aldrig",
          "the budget's cost model is one the pack and call allow, and the lines fit it: with the remaining-costs flat "
          "rate only staff costs, participant costs and the flat-rate line; the indirect-cost and remaining-costs flat "
          "rates are never combined"}},
        {"B013",
         {"ett projekt vars totala kostnad är högst regelsamlingens gräns för förenklade kostnader (ESF+: 200 000 "
          "euro, omräknat till utlysningens växelkurs) använder en förenklad kostnadsmodell, om inte utlysningen säger "
          "att stödet är statligt stöd",
          "an operation whose total cost is at most the pack's threshold for simplified costs (ESF+: EUR 200 000, "
          "converted at the call's exchange rate) uses a simplified cost model, unless the call says the support is "
          "state aid"}},
        {"B014",
         {"när samverkansparter är stödmottagare anger varje kostnads- och finansieringsrad vems delbudget den hör "
          "till, och varje delbudget går ihop",
          "when partners are beneficiaries, every cost and financing line names whose sub-budget it belongs to, and "
          "each sub-budget balances"}},
        {"X005",
         {"inget avsnitt förekommer två gånger (båda ställena anges); två sammanfattningar går bra, en per språk",
          "no section appears more than once (both places are given); two summaries are fine, one per language"}},
    };
    return table;
}

// How to fix what each rule reports (`esfdraft rules ID`, docs/rules.md):
// the edit that makes the finding go away, in both languages.
// Long because it is a table: one entry per rule.
const Table& fixes() {
    static const Table table = {
        {"X001",
         {"öppna filen i en XML-redigerare (eller kör xmllint --noout på den) och rätta felet på raden och kolumnen "
          "som anges: oftast en tagg som inte stängs, ett & som ska skrivas &amp; eller en fil som inte är sparad som "
          "UTF-8; ta bort en eventuell <!DOCTYPE>",
          "open the file in an XML editor (or run xmllint --noout on it) and fix the fault at the line and column "
          "given: usually an unclosed tag, an & that should be &amp;, or a file not saved as UTF-8; remove any "
          "<!DOCTYPE>"}},
        {"X002",
         {"jämför elementet på raden med docs/format.md: namn och namnrymd, att varje uppgift i project står en gång, "
          "obligatoriska attribut, tillåtna värden (t.ex. cost/@category) och belopp med punkt och högst två decimaler",
          "compare the element at that line with docs/format.md: name and namespace, each fact inside project given "
          "once, required attributes, allowed values (e.g. cost/@category), and amounts with '.' and at most two "
          "decimals"}},
        {"X003",
         {"skriv programme=\"esf-2007-2013\" eller programme=\"esf-plus-2021-2027\" på <application>; ange call bara "
          "för en utlysning som finns (esfdraft rules --pack NAMN listar dem), annars ta bort attributet",
          "write programme=\"esf-2007-2013\" or programme=\"esf-plus-2021-2027\" on <application>; give call only for "
          "a call that exists (esfdraft rules --pack NAME lists them), else remove the attribute"}},
        {"X004",
         {"ge varje id ett eget namn och låt varje hänvisning peka på ett id som finns: goals (även på projektlogikens "
          "step) och activity i planen, beneficiary på en samverkanspart med role=\"beneficiary\" (eller owner), "
          "basis/@finding mot resultatfilen, question och actors i resultatfilen",
          "give every id its own name and make every reference point at an id that exists: goals (also on the project "
          "logic's steps) and activity in the plan, beneficiary at a partner with role=\"beneficiary\" (or owner), "
          "basis/@finding into the findings file, question and actors in the findings file"}},
        {"M001",
         {"välj ett programområde som regelsamlingen har och som utlysningen är öppen för (esfdraft rules M001 --pack "
          "NAMN listar dem)",
          "choose a programme area the pack has and the call is open to (esfdraft rules M001 --pack NAME lists them)"}},
        {"M002",
         {"skriv prestudy (förprojektering eller förstudie) eller implementation (genomförande) i <phase>, en fas som "
          "utlysningen gäller",
          "write prestudy or implementation in <phase>, a phase the call is open to"}},
        {"M003",
         {"slå upp kommunkoden i SCB:s kommunförteckning (fyra siffror, t.ex. 2480 för Umeå) och rätta koden eller "
          "namnet",
          "look the code up in Statistics Sweden's list of municipalities (four digits, e.g. 2480 for Umeå) and "
          "correct the code or the name"}},
        {"M004",
         {"ta bort kommuner utanför projektets region, eller markera dem role=\"partner\" när de deltar som partner; "
          "kontrollera också att <region> är rätt NUTS2-kod",
          "remove municipalities outside the project's region, or mark them role=\"partner\" when they take part as "
          "partners; also check that <region> is the right NUTS2 code"}},
        {"M005",
         {"skriv organisationsnumret som NNNNNN-NNNN och jämför det med registreringsbeviset; sista siffran är en "
          "kontrollsiffra, så en felskriven siffra märks",
          "write the organisation number as NNNNNN-NNNN and compare it with the registration certificate; the last "
          "digit is a check digit, so a mistyped digit shows"}},
        {"M006",
         {"skriv kontaktpersonens e-postadress i formen namn@organisation.se",
          "write the contact's e-mail address as name@organisation.se"}},
        {"M007",
         {"lägg till <preStudy title=\"…\" start=\"…\" end=\"…\" findings=\"findings.xml\"/> sist i <project>",
          "add <preStudy title=\"…\" start=\"…\" end=\"…\" findings=\"findings.xml\"/> at the end of <project>"}},
        {"S001",
         {"lägg till avsnittet och skriv dess text (minst ett <p>); esfdraft rules S001 --pack NAMN visar vilka "
          "avsnitt regelsamlingen kräver",
          "add the section and write its text (at least one <p>); esfdraft rules S001 --pack NAME shows which sections "
          "the pack requires"}},
        {"S002",
         {"skriv ut avsnittet: vad projektet gör, varför, för vilka och hur",
          "write the section out: what the project does, why, for whom and how"}},
        {"S003",
         {"sök efter platshållaren i avsnittet och ersätt den med färdig text",
          "search the section for the placeholder and replace it with finished text"}},
        {"S004",
         {"korta sammanfattningen till regelsamlingens gräns; detaljerna hör hemma i de andra avsnitten",
          "shorten the summary to the pack's limit; the details belong in the other sections"}},
        {"S005",
         {"lägg till en engelsk sammanfattning, <summary lang=\"en\">, efter den svenska",
          "add an English summary, <summary lang=\"en\">, after the Swedish one"}},
        {"S006",
         {"lägg till de rekommenderade avsnitten (t.ex. <dissemination> och <evaluation>, i ESF+ även <riskAnalysis> "
          "och <projectLogic>), eller var beredd att förklara varför de saknas",
          "add the recommended sections (e.g. <dissemination> and <evaluation>, in ESF+ also <riskAnalysis> and "
          "<projectLogic>), or be ready to explain why they are missing"}},
        {"G001",
         {"lägg till ett <goal kind=\"project\"> som säger vad projektet ska ha uppnått när det slutar, med minst en "
          "indikator",
          "add a <goal kind=\"project\"> that says what the project will have achieved when it ends, with at least one "
          "indicator"}},
        {"G002",
         {"lägg till ett <goal kind=\"effect\"> som beskriver den bestående förändringen efter projektet",
          "add a <goal kind=\"effect\"> that describes the lasting change after the project"}},
        {"G003",
         {"ge varje mål minst en <indicator unit=\"…\" target=\"…\"> med ett mätbart målvärde",
          "give every goal at least one <indicator unit=\"…\" target=\"…\"> with a measurable target"}},
        {"G004",
         {"flytta indikatorns due till ett datum inom projektperioden, eller gör målet till ett effektmål om det nås "
          "först efteråt",
          "move the indicator's due date inside the project period, or make the goal an effect goal if it is reached "
          "only afterwards"}},
        {"G005",
         {"ange women och men på indikatorn (i ESF+ även nonBinary när det behövs), så att de tillsammans blir target",
          "give women and men on the indicator (in ESF+ also nonBinary where needed), adding up to target"}},
        {"G006",
         {"skriv målets id i goals på minst en aktivitet som arbetar mot det",
          "write the goal's id in the goals of at least one activity that works towards it"}},
        {"G007",
         {"lägg till <basis finding=\"…\"> med id för det resultat i förprojekteringen som motiverar målet",
          "add <basis finding=\"…\"> with the id of the pre-study finding the goal rests on"}},
        {"G008",
         {"sätt ett target som är högre än baseline, eller rätta utgångsvärdet",
          "set a target above the baseline, or correct the baseline"}},
        {"A001",
         {"skriv avsnittet <accessibility> med delarna <physical>, <information> och <participation>",
          "write the <accessibility> section with its parts <physical>, <information> and <participation>"}},
        {"A002",
         {"lägg till den del som saknas: <physical> (lokaler), <information> (information, material och webb) eller "
          "<participation> (delaktighet på lika villkor)",
          "add the missing part: <physical> (premises), <information> (information, material and web) or "
          "<participation> (taking part on equal terms)"}},
        {"A003",
         {"märk de aktiviteter eller kostnader som betalar tillgänglighetsåtgärderna med tags=\"accessibility\"",
          "tag the activities or costs that pay for the accessibility measures with tags=\"accessibility\""}},
        {"B001",
         {"lägg till minst en <cost> med ett belopp större än noll; en intäkt skrivs som <income> med positivt belopp, "
          "aldrig som en negativ kostnad eller finansiering",
          "add at least one <cost> with an amount above zero; income is written as <income> with a positive amount, "
          "never as a negative cost or financing"}},
        {"B002",
         {"använd ett kostnadsslag som regelsamlingen tillåter (esfdraft rules B002 --pack NAMN listar dem)",
          "use a cost category the pack allows (esfdraft rules B002 --pack NAME lists them)"}},
        {"B003",
         {"flytta kostnaden till ett år inom projektperioden, eller rätta perioden",
          "move the cost to a year inside the project period, or correct the period"}},
        {"B004",
         {"flytta kostnaden till ett år då aktiviteten pågår, knyt den till rätt aktivitet eller rätta aktivitetens "
          "datum",
          "move the cost to a year the activity runs, tie it to the right activity, or correct the activity's dates"}},
        {"B005",
         {"ändra finansieringen eller kostnaderna med den skillnad rapporten anger, så att kostnader − intäkter = "
          "finansiering",
          "change the financing or the costs by the difference the report gives, so that costs − income = financing"}},
        {"B006",
         {"sänk ESF-stödet till högst det belopp rapporten anger och täck resten med medfinansiering",
          "lower the ESF support to at most the amount the report gives and cover the rest with co-financing"}},
        {"B007",
         {"öka medfinansieringen (offentliga eller privata källor, i pengar eller annat än pengar) med det belopp som "
          "saknas och sänk ESF-stödet lika mycket",
          "raise the co-financing (public or private sources, cash or in kind) by the amount missing and lower the ESF "
          "support as much"}},
        {"B008",
         {"sänk de indirekta kostnaderna till högst schablonens andel av personalkostnaderna",
          "lower the indirect costs to at most the flat rate's share of the staff costs"}},
        {"B009",
         {"sänk ESF-stödet till högst taket och finansiera resten på annat sätt, eller minska projektet",
          "lower the ESF support to the ceiling at most and finance the rest otherwise, or make the project smaller"}},
        {"B010",
         {"ta bort projektägaren som finansiär i annat än pengar: ägarens egen personal budgeteras som kostnad (staff) "
          "och medfinansieras med pengar",
          "remove the owner as an in-kind funder: the owner's own staff are budgeted as a cost (staff) and co-financed "
          "with cash"}},
        {"B011",
         {"märk kostnaderna för det transnationella samarbetet med tags=\"transnational\" så att de når utlysningens "
          "andel, och beskriv samarbetet i <transnational>",
          "tag the costs of the transnational cooperation with tags=\"transnational\" until they reach the call's "
          "share, and describe the cooperation in <transnational>"}},
        {"D001",
         {"skriv datumet som ÅÅÅÅ-MM-DD med en dag som finns, och låt slutet ligga efter början",
          "write the date as YYYY-MM-DD with a day that exists, and let the end come after the start"}},
        {"D002",
         {"korta perioden till vad fasen tillåter, eller motivera längden i ansökan",
          "shorten the period to what the phase allows, or explain the length in the application"}},
        {"D003",
         {"lägg projektperioden inom programmets stödberättigande period (esfdraft rules D003 --pack NAMN visar den)",
          "put the project period inside the programme's eligibility window (esfdraft rules D003 --pack NAME shows "
          "it)"}},
        {"D004",
         {"flytta start eller slut inom utlysningens tidigaste start och senaste slut",
          "move the start or the end inside the call's earliest start and latest end"}},
        {"D005",
         {"flytta aktivitetens datum inom projektperioden", "move the activity's dates inside the project period"}},
        {"D006",
         {"låt genomförandet börja efter att förprojekteringen slutat; vid ett långt uppehåll, visa i ansökan att "
          "resultaten fortfarande gäller",
          "let the implementation start after the pre-study ended; after a long gap, show in the application that the "
          "findings still hold"}},
        {"D007",
         {"flytta starten till ett datum efter dagens, eller kontrollera med --date den dag ansökan lämnas in",
          "move the start after today, or check with --date set to the day the application is submitted"}},
        {"F001",
         {"knyt resultatet till ett mål med <basis finding=\"…\">, eller markera det scope=\"out\" om ansökan medvetet "
          "inte bygger på det",
          "tie the finding to a goal with <basis finding=\"…\">, or mark it scope=\"out\" when the application "
          "deliberately does not act on it"}},
        {"F002",
         {"lägg till ett resultat (<finding question=\"…\">) som besvarar frågan, eller ta bort frågan",
          "add a finding (<finding question=\"…\">) that answers the question, or remove the question"}},
        {"F003",
         {"rätta perioden i planens <preStudy> eller i resultatfilens <study><period> så att de stämmer",
          "correct the period in the plan's <preStudy> or in the findings file's <study><period> so that they agree"}},
        {"F004",
         {"lägg till minst en <evidence kind=\"…\"> (survey, interview, workshop, document eller statistics) som visar "
          "vad resultatet bygger på",
          "add at least one <evidence kind=\"…\"> (survey, interview, workshop, document or statistics) showing what "
          "the finding rests on"}},
        {"M008",
         {"välj en utlysning som gäller projektets region och programområde (esfdraft rules M008 --pack NAMN listar "
          "utlysningarnas regioner och områden), eller rätta <region> eller <programmeArea>",
          "choose a call open to the project's region and programme area (esfdraft rules M008 --pack NAME lists the "
          "calls' regions and areas), or correct <region> or <programmeArea>"}},
        {"M009",
         {"lägg till varje bilaga som utlysningen kräver som <attachment kind=\"…\">titel</attachment> i "
          "<attachments>, med ett slag ur utlysningens lista (esfdraft rules M009 --pack NAMN --call UTLYSNING visar "
          "den)",
          "add every attachment the call requires as <attachment kind=\"…\">title</attachment> in <attachments>, with "
          "a kind from the call's list (esfdraft rules M009 --pack NAME --call CALL shows it)"}},
        {"M010",
         {"fyll i <applicant kind=\"…\"> i <project> med <address> (gata, postnummer, ort), <signatory> "
          "(firmatecknarens namn och titel) och <financeContact> (namn och e-post eller telefon)",
          "fill in <applicant kind=\"…\"> in <project> with <address> (street, postcode, city), <signatory> (the "
          "authorised signatory's name and title) and <financeContact> (name and e-mail or phone)"}},
        {"S007",
         {"skriv i <nonDiscrimination> vilka diskrimineringsgrunder projektet berör (kön, könsöverskridande identitet "
          "eller uttryck, etnisk tillhörighet, religion eller annan trosuppfattning, funktionsnedsättning, sexuell "
          "läggning, ålder) och vad det gör för att motverka diskriminering",
          "write in <nonDiscrimination> which grounds of discrimination the project touches (sex, transgender identity "
          "or expression, ethnicity, religion or other belief, disability, sexual orientation, age) and what it does "
          "to counter discrimination"}},
        {"G009",
         {"ge indikatorn code=\"…\" med koden för den gemensamma indikator den räknar (esfdraft rules G009 --pack NAMN "
          "listar dem); en projektspecifik indikator kan stå kvar utan kod",
          "give the indicator code=\"…\" with the code of the common indicator it counts (esfdraft rules G009 --pack "
          "NAME lists them); a project-specific indicator may stay without one"}},
        {"B012",
         {"ange i budget/@costModel en modell som regelsamlingen och utlysningen tillåter (esfdraft rules B012 --pack "
          "NAMN), välj en av de två schablonerna, och låt bara personal-, deltagar- och schablonrader stå kvar med "
          "schablonen för övriga kostnader",
          "give in budget/@costModel a model the pack and the call allow (esfdraft rules B012 --pack NAME), choose one "
          "of the two flat rates, and keep only staff, participant and flat-rate lines with the remaining-costs flat "
          "rate"}},
        {"B013",
         {"ange en förenklad kostnadsmodell i budget/@costModel (t.ex. remaining-flat-rate, lump-sum eller unit-costs) "
          "och anpassa kostnadsraderna efter den",
          "name a simplified cost model in budget/@costModel (e.g. remaining-flat-rate, lump-sum or unit-costs) and "
          "fit the cost lines to it"}},
        {"B014",
         {"ange beneficiary=\"owner\" eller samverkanspartens id på varje <cost> och <source>, och låt varje "
          "delbudgets finansiering täcka just dess kostnader (intäkter räknas i projektägarens delbudget)",
          "give beneficiary=\"owner\" or the partner's id on every <cost> and <source>, and let each sub-budget's "
          "financing cover exactly its costs (income counts in the owner's sub-budget)"}},
        {"X005",
         {"behåll ett av ställena: flytta texten från det andra in i det och ta bort det andra elementet; avsnitten "
          "får stå i valfri ordning efter <project>",
          "keep one of the places: move the text of the other into it and remove the other element; the sections may "
          "come in any order after <project>"}},
    };
    return table;
}

// The report's own sections beside the plan's (model/vocabulary.hpp): the
// file itself and the findings file.
const Table& report_sections() {
    static const Table table = {
        {"file", {"Filen", "File"}},
        {"findings", {"Förprojekteringens resultat", "Pre-study findings"}},
    };
    return table;
}

// The words of the reports around the findings (headings, labels,
// verdicts), in both languages.
// Long because it is a table: one entry per phrase.
const Table& phrases() {
    static const Table table = {
        {"verdict.ready", {"klar att lämna in", "ready to submit"}},
        {"verdict.not_ready", {"inte klar att lämna in", "not ready to submit"}},
        {"status.complete", {"komplett", "complete"}},
        {"status.needs_attention", {"behöver ses över", "needs attention"}},
        {"status.incomplete", {"ofullständigt", "incomplete"}},
        {"severity.error", {"fel", "error"}},
        {"severity.warning", {"varning", "warning"}},
        {"severity.info", {"tips", "hint"}},
        {"heading.report", {"Granskning av ansökan", "Application review"}},
        {"heading.reports", {"Granskning av ansökningar", "Application reviews"}},
        {"heading.sections", {"Avsnitt", "Sections"}},
        {"heading.findings", {"Anmärkningar", "Findings"}},
        {"heading.summary", {"Sammanställning", "Summary"}},
        {"column.section", {"Avsnitt", "Section"}},
        {"column.status", {"Status", "Status"}},
        {"column.errors", {"Fel", "Errors"}},
        {"column.warnings", {"Varningar", "Warnings"}},
        {"column.infos", {"Tips", "Hints"}},
        {"column.rule", {"Regel", "Rule"}},
        {"column.severity", {"Allvarlighet", "Severity"}},
        {"column.message", {"Anmärkning", "Finding"}},
        {"column.location", {"Plats", "Location"}},
        {"column.application", {"Ansökan", "Application"}},
        {"column.verdict", {"Bedömning", "Verdict"}},
        {"column.meaning", {"Vad som kontrolleras", "What is checked"}},
        {"column.parameter", {"Parameter", "Parameter"}},
        {"column.value", {"Värde", "Value"}},
        {"column.source", {"Källa", "Source"}},
        {"column.code", {"Kod", "Code"}},
        {"column.name", {"Namn", "Name"}},
        {"text.no_findings", {"Inga anmärkningar.", "No findings."}},
        {"text.checked_on", {"Kontrollerad", "Checked on"}},
        {"text.strict", {"strikt läge: varningar räknas som fel", "strict mode: warnings count as errors"}},
        {"text.file", {"Fil", "File"}},
        {"text.line", {"rad", "line"}},
        {"text.column", {"kolumn", "column"}},
        {"text.verdict", {"Bedömning", "Verdict"}},
        {"text.not_loaded", {"planen kunde inte läsas", "the plan could not be read"}},
        {"text.sections_of", {"avsnitt", "sections"}},
        {"text.legend",
         {"komplett = inga anmärkningar; behöver ses över = varningar eller tips; ofullständigt = minst ett fel",
          "complete = no findings; needs attention = warnings or hints only; incomplete = at least one error"}},
        // the key figures of the completeness report
        {"figures.heading", {"Nyckeltal", "Key figures"}},
        {"figures.caption",
         {"Budgetens nyckeltal och gränserna som gäller", "The budget's key figures and the limits in force"}},
        {"figures.total_costs", {"Total kostnad", "Total cost"}},
        {"figures.income", {"Intäkter", "Income"}},
        {"figures.eligible_costs", {"Stödberättigande kostnad", "Eligible cost"}},
        {"figures.esf", {"ESF-stöd", "ESF support"}},
        {"figures.cofinancing", {"Medfinansiering", "Co-financing"}},
        {"figures.indirect", {"Indirekta kostnader", "Indirect costs"}},
        {"figures.of_eligible", {"av stödberättigande kostnad", "of the eligible cost"}},
        {"figures.of_staff", {"av personalkostnaderna", "of the staff costs"}},
        {"figures.at_most", {"högst", "at most"}},
        {"figures.at_least", {"minst", "at least"}},
        {"figures.within", {"inom gränsen", "within the limit"}},
        {"figures.above", {"över gränsen", "above the limit"}},
        {"figures.below", {"under gränsen", "below the limit"}},
        {"figures.no_limit", {"ingen gräns", "no limit"}},
        {"figures.set_by", {"satt av", "set by"}},
        {"figures.pack", {"Regelpaket", "Rule pack"}},
        {"figures.call", {"Utlysning", "Call"}},
        {"figures.unknown_call", {"finns inte i regelpaketet", "not in the rule pack"}},
        {"column.key_figure", {"Nyckeltal", "Key figure"}},
        {"column.amount", {"Belopp", "Amount"}},
        {"column.share", {"Andel", "Share"}},
        {"column.limit", {"Gräns", "Limit"}},
        {"text.made_with", {"Kontrollerad {date} med esfdraft {version}", "Checked on {date} with esfdraft {version}"}},
        // esfdraft assess: the reviewer's assessment document
        {"assess.heading", {"Bedömningsunderlag", "Assessment document"}},
        {"assess.ranking", {"Ansökningar efter fullständighet", "Applications by completeness"}},
        {"assess.prepared_on", {"Underlaget togs fram", "Prepared on"}},
        {"assess.intro",
         {"Underlaget samlar för varje urvalskriterium ansökans text, esfdrafts anmärkningar och förstudiens underlag. "
          "Bedömningen och poängen gör handläggaren; esfdraft föreslår inga poäng.",
          "For each selection criterion this document gathers the application's text, esfdraft's findings and the "
          "pre-study's evidence. The reviewer assesses and scores; esfdraft proposes no scores."}},
        {"assess.facts", {"Ansökan", "The application"}},
        {"assess.case_number", {"Diarienummer", "Case number"}},
        {"assess.reviewer_name", {"Handläggare", "Reviewer"}},
        {"assess.reviewer_date", {"Datum för bedömningen", "Date of the assessment"}},
        {"assess.programme", {"Program", "Programme"}},
        {"assess.call", {"Utlysning", "Call"}},
        {"assess.no_call", {"ingen utlysning angiven", "no call given"}},
        {"assess.owner", {"Projektägare", "Project owner"}},
        {"assess.period", {"Projektperiod", "Project period"}},
        {"assess.phase", {"Fas", "Phase"}},
        {"assess.area", {"Programområde", "Programme area"}},
        {"assess.step1", {"Steg 1: formella krav", "Step 1: formal requirements"}},
        {"assess.step1_intro",
         {"Uppfyller ansökan inte ett formellt krav avslås den. Krav som esfdraft kan avgöra är ifyllda; övriga "
          "kryssar handläggaren i.",
          "An application that fails a formal requirement is rejected. The requirements esfdraft can decide are filled "
          "in; the reviewer ticks the others."}},
        {"assess.requirement", {"Krav", "Requirement"}},
        {"assess.outcome", {"Utfall", "Outcome"}},
        {"assess.basis", {"Underlag", "Basis"}},
        {"assess.met", {"uppfyllt", "met"}},
        {"assess.not_met", {"ej uppfyllt", "not met"}},
        {"assess.reviewer", {"bedöms av handläggaren", "for the reviewer"}},
        {"assess.met_box", {"Uppfyllt", "Met"}},
        {"assess.not_met_box", {"Ej uppfyllt", "Not met"}},
        {"assess.by_esfdraft", {"kontrollerat av esfdraft", "checked by esfdraft"}},
        {"assess.no_rule_findings", {"inga anmärkningar", "no findings"}},
        {"req.programme_fit",
         {"Ansökan passar programmet och utlysningen (programområde, region, fas)",
          "The application fits the programme and the call (programme area, region, phase)"}},
        {"req.cofinancing",
         {"Medfinansieringen och ESF-andelen håller sig inom gränserna",
          "Co-financing and the ESF share are within the limits"}},
        {"req.attachments",
         {"De obligatoriska bilagor som utlysningen kräver finns",
          "The mandatory attachments the call asks for are present"}},
        {"req.attachments_none",
         {"utlysningen listar inga bilagor; handläggaren kontrollerar",
          "the call lists no attachments; the reviewer checks"}},
        {"req.applicant",
         {"Sökandens uppgifter är fullständiga (slag av organisation, adress, firmatecknare, ekonomikontakt)",
          "The applicant's details are complete (kind of organisation, address, signatory, finance contact)"}},
        {"req.fundamental_rights",
         {"Ansökan beskriver hur projektet förhåller sig till EU:s stadga om de grundläggande rättigheterna",
          "The application says how the project respects the EU Charter of Fundamental Rights"}},
        {"req.section", {"Ansökan har avsnittet", "The application has the section"}},
        {"req.signatory",
         {"Den som undertecknar är behörig firmatecknare", "The signatory is authorised to sign for the organisation"}},
        {"req.debts",
         {"Sökanden har inga skulder till staten (skatter, avgifter)",
          "The applicant has no debts to the state (taxes, charges)"}},
        {"req.active",
         {"Sökanden och partnerna är aktiva organisationer, inte i konkurs eller likvidation",
          "The applicant and partners are active organisations, not bankrupt or in liquidation"}},
        {"req.state_aid",
         {"Stödet är förenligt med reglerna om statligt stöd", "The support is compatible with the state aid rules"}},
        {"assess.step2", {"Steg 2: urvalskriterier", "Step 2: selection criteria"}},
        {"assess.criterion", {"Kriterium", "Criterion"}},
        {"assess.plan_text", {"Ansökans text", "The application's text"}},
        {"assess.criterion_findings", {"esfdrafts anmärkningar", "esfdraft's findings"}},
        {"assess.evidence", {"Förstudiens underlag", "Evidence from the pre-study"}},
        {"assess.no_evidence",
         {"Inget mål bygger på förstudiens resultat.", "No goal builds on the pre-study's findings."}},
        {"assess.no_findings_file",
         {"Ansökan har ingen förstudie med resultat.", "The application has no pre-study with findings."}},
        {"assess.no_sections",
         {"Regelsamlingen knyter inga avsnitt till kriteriet.", "The rule pack ties no section to this criterion."}},
        {"assess.section_missing", {"Avsnittet saknas i ansökan.", "The section is missing from the application."}},
        {"assess.score", {"Poäng", "Score"}},
        {"assess.comment", {"Kommentar", "Comment"}},
        {"assess.reviewer_part", {"Handläggarens bedömning", "The reviewer's assessment"}},
        {"assess.total", {"Summa poäng", "Total score"}},
        {"assess.summary_part", {"Sammanfattande bedömning", "Overall assessment"}},
        {"assess.not_loaded",
         {"Planen kunde inte läsas, så bara formella anmärkningar finns. Rätta felen nedan och kör esfdraft assess "
          "igen.",
          "The plan could not be read, so there are only formal findings. Fix the errors below and run esfdraft assess "
          "again."}},
        {"assess.goal", {"Mål", "Goal"}},
        {"assess.builds_on", {"bygger på", "builds on"}},
        {"assess.unknown_finding", {"finns inte i förstudiens resultat", "is not among the pre-study's findings"}},
        {"assess.indicator", {"Indikator", "Indicator"}},
        {"assess.target", {"Målvärde", "Target"}},
        {"assess.women", {"kvinnor", "women"}},
        {"assess.men", {"män", "men"}},
        {"assess.respondents", {"svarande", "respondents"}},
        {"assess.costs", {"Kostnader", "Costs"}},
        {"assess.financing", {"Finansiering", "Financing"}},
        {"assess.esf", {"varav ESF", "of which ESF"}},
        {"assess.likelihood", {"sannolikhet", "likelihood"}},
        {"assess.impact", {"konsekvens", "impact"}},
        {"assess.measure", {"Åtgärd", "Measure"}},
        {"assess.rank", {"Plats", "Rank"}},
        {"assess.ranking_intro",
         {"Ansökningarna per utlysning, de mest fullständiga först: färre fel, sedan färre varningar, sedan titel.",
          "The applications per call, the most complete first: fewer errors, then fewer warnings, then title."}},
        {"assess.not_checked", {"kunde inte kontrolleras", "could not be checked"}},
        {"evidence.survey", {"enkät", "survey"}},
        {"evidence.interview", {"intervju", "interview"}},
        {"evidence.workshop", {"workshop", "workshop"}},
        {"evidence.document", {"dokument", "document"}},
        {"evidence.statistics", {"statistik", "statistics"}},
        {"goal.project", {"projektmål", "project goal"}},
        {"goal.effect", {"effektmål", "effect goal"}},
        // esfdraft rules
        {"rules.heading",
         {"Regler (förklaras i docs/rules.md; en regel: esfdraft rules ID)",
          "Rules (explained in docs/rules.md; one rule: esfdraft rules ID)"}},
        {"rules.packs", {"Regelsamlingar", "Rule packs"}},
        {"rules.pack_hint",
         {"Visa en regelsamlings parametrar med: esfdraft rules --pack NAMN",
          "Show a pack's parameters with: esfdraft rules --pack NAME"}},
        {"rules.parameters", {"Parametrar", "Parameters"}},
        {"rules.calls", {"Utlysningar", "Calls"}},
        {"rules.severity_or", {"eller", "or"}},
        {"rules.disabled", {"avstängd i regelsamlingen", "turned off by the pack"}},
        {"rules.overridden", {"i regelsamlingen", "in this pack"}},
        {"param.pack", {"Regelsamling", "Rule pack"}},
        {"param.areas", {"Programområden", "Programme areas"}},
        {"param.phases", {"Faser", "Phases"}},
        {"param.duration_warn", {"längd, varning över (månader)", "duration, warning above (months)"}},
        {"param.duration_error", {"längd, fel över (månader)", "duration, error above (months)"}},
        {"param.esf_share", {"högsta ESF-andel", "maximum ESF share"}},
        {"param.cofinancing", {"lägsta medfinansiering", "minimum co-financing"}},
        {"param.esf_ceiling", {"tak för ESF-stöd", "ESF ceiling"}},
        {"param.required", {"Krävda avsnitt", "Required sections"}},
        {"param.recommended", {"Rekommenderade avsnitt", "Recommended sections"}},
        {"param.cost_categories", {"Tillåtna kostnadsslag", "Allowed cost categories"}},
        {"param.min_words", {"minsta antal ord", "minimum words"}},
        {"param.summary_max", {"sammanfattningens längd, högst (tecken)", "summary length, at most (characters)"}},
        {"param.prestudy_gap",
         {"uppehåll efter förprojekteringen, varning över (månader)",
          "gap after the pre-study, warning above (months)"}},
        {"param.placeholders", {"platshållartexter", "placeholder texts"}},
        {"param.indirect",
         {"indirekta kostnader, högst (andel av personalkostnader)", "indirect costs, at most (share of staff costs)"}},
        {"param.indirect_none", {"ingen schablon: B008 kontrollerar inget", "no flat rate: B008 checks nothing"}},
        {"param.eligibility", {"stödberättigande period", "eligibility window"}},
        {"param.severities", {"Ändrade allvarlighetsgrader", "Changed severities"}},
        {"param.limits", {"Gränser och andelar", "Limits and rates"}},
        {"param.call_areas", {"programområden", "programme areas"}},
        {"param.call_regions", {"regioner", "regions"}},
        {"param.call_phases", {"faser", "phases"}},
        {"param.call_period", {"tidigaste start – senaste slut", "earliest start – latest end"}},
        {"param.transnational", {"transnationell andel, minst", "transnational share, at least"}},
        {"param.all", {"alla", "all"}},
        {"param.call", {"utlysning", "call"}},
        {"param.calls", {"utlysningar", "calls"}},
        {"param.severity", {"allvarlighet i regelsamlingen", "severity in this pack"}},
        {"param.area_regions", {"regioner för programområdet", "regions of the programme area"}},
        {"rules.fix", {"Så åtgärdar du", "How to fix"}},
        {"rules.in_force", {"Parametrar som gäller", "Parameters in force"}},
        {"rules.no_parameters",
         {"inga parametrar: regeln gäller likadant i alla ansökningar",
          "no parameters: the rule is the same for every application"}},
        {"family.X", {"Struktur", "Structure"}},
        {"family.M", {"Projektuppgifter", "Project facts"}},
        {"family.S", {"Avsnitt", "Sections"}},
        {"family.G", {"Mål", "Goals"}},
        {"family.A", {"Tillgänglighet", "Accessibility"}},
        {"family.B", {"Budget", "Budget"}},
        {"family.D", {"Period", "Period"}},
        {"family.F", {"Förprojekteringens resultat", "Findings"}},
        {"param.regions_only", {"bara", "only"}},
        {"param.added_rule", {"tillagd regel", "added rule"}},
        {"param.added_rules", {"Tillagda regler som regelsamlingen slår på", "Added rules the pack turns on"}},
        {"param.turned_on", {"påslagen i regelsamlingen", "turned on by the pack"}},
        {"param.not_turned_on",
         {"inte påslagen i regelsamlingen: regeln rapporterar inget",
          "not turned on by the pack: the rule reports nothing"}},
        {"param.not_turned_on_short", {"inte påslagen i regelsamlingen", "not turned on by this pack"}},
        {"param.gender_categories", {"Könskategorier", "Gender categories"}},
        {"param.optional", {"frivillig", "optional"}},
        {"param.common_indicators", {"Gemensamma indikatorer", "Common indicators"}},
        {"param.cost_models", {"Kostnadsmodeller", "Cost models"}},
        {"param.simplified", {"förenklad kostnadsredovisning", "simplified cost option"}},
        {"param.rate_of", {"av", "of"}},
        {"param.flat_line", {"schablonraden:", "the flat-rate line:"}},
        {"param.only_categories", {"bara kostnadsslagen", "only the categories"}},
        {"param.excludes", {"kombineras aldrig med", "never combined with"}},
        {"param.simplified_threshold",
         {"förenklade kostnader krävs upp till (euro)", "simplified costs required up to (euro)"}},
        {"param.exchange_rate", {"växelkurs (kronor per euro)", "exchange rate (kronor per euro)"}},
        {"param.state_aid", {"statligt stöd", "state aid"}},
        {"param.yes", {"ja", "yes"}},
        {"param.no", {"nej", "no"}},
        {"param.call_cost_models", {"tillåtna kostnadsmodeller", "allowed cost models"}},
        {"param.attachments", {"bilagor", "attachments"}},
        {"param.required_attachment", {"krävs", "required"}},
        {"param.optional_attachment", {"frivillig", "optional"}},
        {"param.grounds", {"Diskrimineringsgrunder", "Grounds of discrimination"}},
        {"param.terms", {"sökord", "words looked for"}},
        {"param.assessment", {"Bedömningsgrunder", "Assessment criteria"}},
        {"param.scale", {"poängskala", "score scale"}},
        {"param.none", {"inga", "none"}},
    };
    return table;
}

// A section's name: the plan's sections from the one vocabulary, the
// report's own ("file", "findings") from report_sections(); nullopt for a key
// that is neither.
std::optional<std::string> known_section_name(std::string_view section, Language language) {
    if (const model::SectionWords* words = model::section_words(section))
        return std::string(words->name.in(language_code(language)));
    const auto it = report_sections().find(section);
    if (it == report_sections().end()) return std::nullopt;
    return std::string(pick(it->second, language));
}

// The programme a finding is about, for words that differ between
// programme periods ("förprojektering" / "förstudie"); empty when the
// finding does not say.
std::string_view programme_of(const model::Finding& finding) {
    const model::MessageArg* programme = finding.find_arg("programme");
    return programme ? std::string_view(programme->text) : std::string_view();
}

// {duration}: the finding's whole "months" and the "days" over them, exactly:
// "6 månader och 1 dag", "12 months", "1 month and 3 days".
std::optional<std::string> duration_text(const model::Finding& finding, Language language) {
    const model::MessageArg* months = finding.find_arg("months");
    if (!months) return std::nullopt;
    const model::MessageArg* days_arg = finding.find_arg("days");
    const std::int64_t m = months->number, d = days_arg ? days_arg->number : 0;
    const bool sv = language == Language::sv;
    const auto count = [&](std::int64_t n, const char* one, const char* many) {
        return format_argument(model::MessageArg::of_number(n), language) + " " + (n == 1 ? one : many);
    };
    const std::string month_words = count(m, sv ? "månad" : "month", sv ? "månader" : "months");
    if (d == 0) return month_words;
    const std::string day_words = count(d, sv ? "dag" : "day", sv ? "dagar" : "days");
    return m == 0 ? day_words : month_words + (sv ? " och " : " and ") + day_words;
}

// The messages that compare a share with a limit: which arguments hold the
// part, the whole and the limit, and whether the share is above (a maximum)
// or below (a minimum) it.
struct ShareComparison {
    std::string_view part, whole, limit;
    bool above;
};
const std::map<std::string_view, ShareComparison>& share_comparisons() {
    static const std::map<std::string_view, ShareComparison> table = {
        {"B006.esf_share", {"esf", "eligible", "maximum", true}},
        {"B007.cofinancing", {"cofinancing", "eligible", "minimum", false}},
        {"B008.indirect", {"indirect", "staff", "maximum", true}},
        {"B011.share", {"transnational", "costs", "minimum", false}},
    };
    return table;
}

// part / whole in per cent, rounded half up to the fewest decimals (at
// least `min_decimals`) that put it strictly above (`above`) or below the
// limit, trailing zeros dropped, so that "45,99 % < 46 %" never reads
// "46 % < 46 %". Exact in 128-bit integers; nullopt when an amount is out of
// range, the whole is not positive or the share is not across the limit.
std::optional<std::string> share_across(model::Money part, model::Money whole, model::ShareHundredths limit, bool above,
                                        int min_decimals, Language language) {
    // Amounts up to 10^17 öre keep part * 200 * 10^18 inside 128 bits.
    constexpr std::int64_t largest = 100'000'000'000'000'000;
    if (whole <= 0 || part < 0 || part > largest || whole > largest) return std::nullopt;
    Wide scale = 1;  // 10^decimals
    for (int decimals = 0; decimals <= 18; ++decimals, scale *= 10) {
        if (decimals < min_decimals) continue;
        // share in per cent * scale, rounded half up: (part * 100 * scale * 2 + whole) / (2 * whole)
        const Wide shown = (Wide(part) * 200 * scale + whole) / (Wide(whole) * 2);
        const Wide limit_scaled = Wide(limit) * scale;  // limit * 100 * scale, and shown * 100 below
        const bool on_side = above ? shown * 100 > limit_scaled : shown * 100 < limit_scaled;
        if (!on_side) continue;
        std::string digits;
        for (Wide rest = shown; digits.empty() || rest > 0; rest /= 10)
            digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(rest % 10)));
        if (decimals > 0) {
            if (digits.size() <= static_cast<std::size_t>(decimals))
                digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
            digits.insert(digits.size() - static_cast<std::size_t>(decimals), 1, language == Language::sv ? ',' : '.');
            while (digits.back() == '0') digits.pop_back();
            if (digits.back() == ',' || digits.back() == '.') digits.pop_back();
        }
        return digits + (language == Language::sv ? "\xC2\xA0%" : " %");
    }
    return std::nullopt;
}

// {share} in a message that compares it with a limit: share_across with no
// fewer decimals than it takes; nullopt (the "share" argument as it is) when
// the finding lacks the amounts or the share is not across the limit.
std::optional<std::string> share_text(const model::Finding& finding, Language language) {
    const auto comparison = share_comparisons().find(finding.message_id);
    if (comparison == share_comparisons().end()) return std::nullopt;
    const model::MessageArg* part = finding.find_arg(comparison->second.part);
    const model::MessageArg* whole = finding.find_arg(comparison->second.whole);
    const model::MessageArg* limit = finding.find_arg(comparison->second.limit);
    if (!part || !whole || !limit) return std::nullopt;
    return share_across(part->number, whole->number, limit->number, comparison->second.above, 0, language);
}

// Words a message names without an argument of their own, taken from the
// finding's programme: {prestudy_definite} "förprojekteringen" / "förstudien",
// {prestudy_genitive} "förprojekteringens" / "förstudiens".
std::optional<std::string> derived_word(std::string_view name, const model::Finding& finding, Language language) {
    const model::PhaseWords* prestudy = model::phase_words("prestudy", programme_of(finding));
    if (name == "prestudy_definite") return std::string(prestudy->definite.in(language_code(language)));
    if (name == "prestudy_genitive") return std::string(prestudy->genitive.in(language_code(language)));
    if (name == "prestudy_finished")
        return std::string(language == Language::sv ? "en avslutad " : "a finished ") +
               std::string(prestudy->noun.in(language_code(language)));
    if (name == "duration") return duration_text(finding, language);
    if (name == "share") return share_text(finding, language);
    return std::nullopt;
}

// Arguments that hold a code the reader should see as words.
std::string translate(std::string_view argument_name, const std::string& value, const model::Finding& finding,
                      Language language) {
    static const std::map<std::string_view, Table> tables = {
        {"kind",
         {{"goal", {"målet", "goal"}},
          {"activity", {"aktiviteten", "activity"}},
          {"finding", {"resultatet", "finding"}},
          {"question", {"frågan", "question"}},
          {"actor", {"aktören", "actor"}},
          {"partner", {"samverkansparten", "partner"}}}},
        {"what",
         {{"project", {"projektperioden", "the project period"}},
          {"preStudy", {"förprojekteringens period", "the pre-study's period"}},
          {"activity", {"aktiviteten", "the activity"}},
          {"study", {"studieperioden i resultatfilen", "the study period of the findings file"}},
          {"indicator", {"indikatorn", "the indicator"}}}},
    };
    if (argument_name == "section") {
        // "Bakgrund (background)": the name a reader knows and the element to look for.
        const std::optional<std::string> name = known_section_name(value, language);
        return name ? *name + " (" + value + ")" : value;
    }
    if (argument_name == "missing" || argument_name == "categories") {
        // "postadress (address) och firmatecknare (signatory)": the words and the element or attribute to write.
        static const Table words = {
            {"kind", {"slag av organisation (kind)", "kind of organisation (kind)"}},
            {"address", {"postadress (address)", "postal address (address)"}},
            {"signatory", {"behörig firmatecknare (signatory)", "authorised signatory (signatory)"}},
            {"financeContact", {"ekonomikontakt (financeContact)", "finance contact (financeContact)"}},
            {"women", {"kvinnor (women)", "women"}},
            {"men", {"män (men)", "men"}},
            {"nonBinary", {"icke-binära (nonBinary)", "non-binary persons (nonBinary)"}},
        };
        std::vector<std::string> items;
        for (std::size_t from = 0; from <= value.size();) {
            const std::size_t comma = value.find(", ", from);
            const std::string item = value.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
            const auto it = words.find(item);
            items.push_back(it == words.end() ? item : pick(it->second, language));
            if (comma == std::string::npos) break;
            from = comma + 2;
        }
        std::string out;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0) out += i + 1 == items.size() ? (language == Language::sv ? " och " : " and ") : ", ";
            out += items[i];
        }
        return out;
    }
    if (argument_name == "rate") {
        // An exchange rate, written "11.47" in the call: "11,47" in Swedish.
        std::string out = value;
        if (language == Language::sv) std::replace(out.begin(), out.end(), '.', ',');
        return out;
    }
    if (argument_name == "phase_name") {
        // "en förprojektering" (2007–2013), "en förstudie" (ESF+), "a pre-study".
        const model::PhaseWords* phase = model::phase_words(value, programme_of(finding));
        return phase ? std::string(phase->indefinite.in(language_code(language))) : value;
    }
    if (argument_name == "what" && value == "preStudy")
        return std::string(
                   model::phase_words("prestudy", programme_of(finding))->genitive.in(language_code(language))) +
               " period";
    const auto table = tables.find(argument_name);
    if (table == tables.end()) return value;
    const auto it = table->second.find(value);
    return it == table->second.end() ? value : pick(it->second, language);
}

std::string lookup(const Table& table, std::string_view key, Language language) {
    const auto it = table.find(key);
    return it == table.end() ? std::string(key) : pick(it->second, language);
}

}  // namespace

bool parse_language(std::string_view text, Language& out) {
    if (text == "sv") {
        out = Language::sv;
        return true;
    }
    if (text == "en") {
        out = Language::en;
        return true;
    }
    return false;
}

std::string_view language_code(Language language) { return language == Language::sv ? "sv" : "en"; }

std::string format_argument(const model::MessageArg& argument, Language language) {
    using Kind = model::MessageArg::Kind;
    switch (argument.kind) {
        case Kind::text:
        case Kind::date: return argument.text;
        case Kind::money:
            return language == Language::sv ? model::format_sek(argument.number)
                                            : model::format_sek_en(argument.number);
        case Kind::number: return model::group_digits(argument.number, language == Language::sv ? "\xC2\xA0" : ",");
        case Kind::percent: {
            const std::int64_t hundredths = argument.number;
            std::string out =
                (hundredths < 0 ? "-" : "") + std::to_string((hundredths < 0 ? -hundredths : hundredths) / 100);
            const std::int64_t rest = (hundredths < 0 ? -hundredths : hundredths) % 100;
            if (rest != 0) {
                out += language == Language::sv ? ',' : '.';
                out += static_cast<char>('0' + rest / 10);
                if (rest % 10 != 0) out += static_cast<char>('0' + rest % 10);
            }
            return out + (language == Language::sv ? "\xC2\xA0%" : " %");
        }
    }
    return argument.text;
}

std::string message_text(const model::Finding& finding, Language language) {
    const auto it = messages().find(finding.message_id);
    if (it == messages().end()) {
        std::string out = finding.message_id;
        for (const auto& [name, value] : finding.args) out += " " + name + "=" + format_argument(value, language);
        return out;
    }
    const std::string_view pattern = pick(it->second, language);
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{') {
            const std::size_t close = pattern.find('}', i);
            if (close != std::string_view::npos) {
                const std::string_view name = pattern.substr(i + 1, close - i - 1);
                // Derived words first: {share} of a comparison is the exact share, not the rounded argument.
                if (const std::optional<std::string> word = derived_word(name, finding, language)) {
                    out += *word;
                    i = close;
                    continue;
                }
                if (const model::MessageArg* argument = finding.find_arg(name)) {
                    out += argument->kind == model::MessageArg::Kind::text
                               ? translate(name, argument->text, finding, language)
                               : format_argument(*argument, language);
                    i = close;
                    continue;
                }
            }
        }
        out += pattern[i];
    }
    return out;
}

std::vector<std::string> message_ids() {
    std::vector<std::string> out;
    for (const auto& entry : messages()) out.emplace_back(entry.first);
    return out;
}

std::string rule_meaning(std::string_view rule, Language language) { return lookup(meanings(), rule, language); }

std::vector<std::string> described_rule_ids() {
    std::vector<std::string> out;
    for (const Table* table : {&meanings(), &fixes()})
        for (const auto& entry : *table) out.emplace_back(entry.first);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string rule_fix(std::string_view rule, Language language) {
    const auto it = fixes().find(rule);
    return it == fixes().end() ? std::string() : pick(it->second, language);
}

std::string section_name(std::string_view section, Language language) {
    return known_section_name(section, language).value_or(std::string(section));
}

std::string section_name(std::string_view section, Language language, std::string_view programme) {
    if (section == "findings" && programme == "esf-plus-2021-2027" && language == Language::sv)
        return "Förstudiens resultat";
    return section_name(section, language);
}

std::string phrase(std::string_view key, Language language) { return lookup(phrases(), key, language); }

std::string_view esfdraft_version() { return ESFDRAFT_VERSION; }

std::string share_text(const KeyShare& share, Language language) {
    const std::string rounded = format_argument(model::MessageArg::of_percent_hundredths(share.hundredths), language);
    if (!share.limit || share.whole <= 0) return rounded;
    // Which side of the limit the exact share is on: part * 10000 against whole * limit.
    const Wide exact = Wide(share.part) * 10000, bound = Wide(share.whole) * share.limit->value;
    if (exact == bound) return format_argument(model::MessageArg::of_percent_hundredths(share.limit->value), language);
    return share_across(share.part, share.whole, share.limit->value, exact > bound, 2, language).value_or(rounded);
}

std::string limit_text(const ShareLimit& limit, Language language) {
    return phrase(limit.maximum ? "figures.at_most" : "figures.at_least", language) + " " +
           format_argument(model::MessageArg::of_percent_hundredths(limit.value), language);
}

}  // namespace esfdraft::report
