use super::super::{names, segment};
use super::*;

struct Read {
    text: String,
    labels: Vec<Label>,
    found: Vec<Found>,
    entities: Vec<Entity>,
}

fn read(text: &str) -> Read {
    let sentences: Vec<Range<usize>> =
        segment::split_sentences(text, 0..text.len()).into_iter().map(|s| s.span).collect();
    let (entities, mentions) = names::find(text, &sentences, Vec::new());
    let (labels, found) = attribute(text, &sentences, &entities, &mentions);
    Read { text: text.to_string(), labels, found, entities }
}

impl Read {
    fn quotes(&self) -> Vec<(&str, Option<String>, bool)> {
        self.found
            .iter()
            .map(|f| {
                (&self.text[f.span.clone()], f.speaker.as_ref().map(|s| s.name(&self.text, &self.entities)), f.direct)
            })
            .collect()
    }
}

#[test]
fn a_pronoun_after_a_quote_is_the_last_person_named_before_it() {
    let r = read("Later, Jane Doe arrived at City Hall. “We are broke,” she said. Doe left.");
    assert_eq!(r.quotes(), [("We are broke,", Some("Jane Doe".to_string()), true)]);
    assert_eq!(r.labels[1].kind, Kind::DirectQuote);
    assert_eq!(r.labels[0].kind, Kind::Narration);
}

#[test]
fn a_speaker_after_the_verb_and_one_before_the_quote_are_both_found() {
    let r = read(
        "“It will fail,” said analyst Ann Lee. Then Bob Roe pointed out to Ann Lee that “it has not failed yet.” Roe smiled.",
    );
    assert_eq!(
        r.quotes(),
        [
            ("It will fail,", Some("Ann Lee".to_string()), true),
            ("it has not failed yet.", Some("Bob Roe".to_string()), true)
        ]
    );
}

#[test]
fn a_quoted_phrase_inside_narration_is_a_partial_quote() {
    let r = read("Bob Roe, posting that he had it “on good authority” that it was true, left. Roe smiled.");
    assert_eq!(r.quotes(), [("on good authority", Some("Bob Roe".to_string()), false)]);
    assert_eq!(r.labels[0].kind, Kind::PartialQuote);
}

#[test]
fn according_to_and_verbs_with_that_are_reported_speech() {
    let r = read("According to the city’s own report, ridership fell. Ann Lee replied that it would rise. Lee left.");
    assert_eq!(r.labels[0].kind, Kind::Reported);
    assert_eq!(&r.text[r.labels[0].source.clone().unwrap_or_default()], "the city’s own report");
    assert_eq!(r.labels[1].kind, Kind::Reported);
    assert_eq!(r.labels[1].speaker.as_ref().map(|s| s.name(&r.text, &r.entities)).as_deref(), Some("Ann Lee"));
    assert_eq!(r.labels[2].kind, Kind::Narration);
}

fn speakers(r: &Read) -> Vec<(String, Option<String>)> {
    r.quotes().into_iter().map(|(q, s, _)| (q.to_string(), s)).collect()
}

fn said(quote: &str, who: &str) -> (String, Option<String>) {
    (quote.to_string(), Some(who.to_string()))
}

#[test]
fn a_run_of_quotes_reopened_without_closing_keeps_its_speaker_across_paragraphs() {
    let r = read(
        "Health minister Jane Hewitt said: \"We have cut waits to 26 weeks. \"We are going further.\n\n\"Nobody will wait a year.\" The plan starts in March.",
    );
    assert_eq!(
        speakers(&r),
        [
            said("We have cut waits to 26 weeks.", "Jane Hewitt"),
            said("We are going further.", "Jane Hewitt"),
            said("Nobody will wait a year.", "Jane Hewitt"),
        ]
    );
}

#[test]
fn the_second_quote_after_he_said_is_the_same_speaker() {
    let r = read("Tom Reid spoke first. \"It was wrong,\" he said. \"There is some truth in it.\"");
    assert_eq!(speakers(&r), [said("It was wrong,", "Tom Reid"), said("There is some truth in it.", "Tom Reid")]);
}

#[test]
fn a_pronoun_after_narration_reporting_an_unnamed_source_is_that_source() {
    let r = read(
        "Mr Tom Reid said: \"It is unlawful.\" A spokeswoman for the office said it was looking at one complaint. \"We are investigating,\" she said.",
    );
    assert_eq!(
        speakers(&r),
        [said("It is unlawful.", "Tom Reid"), said("We are investigating,", "A spokeswoman for the office")]
    );
}

#[test]
fn a_quotation_without_a_cue_goes_to_the_source_the_narration_reported_since_the_last_one() {
    let r = read(
        "\"It is wrong,\" said Tom Reid. Later, that was not what was happening, the spokesman said.\n\n\"The powers are aimed at suspects.\" The row went on.",
    );
    assert_eq!(
        speakers(&r),
        [said("It is wrong,", "Tom Reid"), said("The powers are aimed at suspects.", "the spokesman")]
    );
}

#[test]
fn a_role_after_someone_became_the_subject_is_that_person_not_the_last_speaker() {
    let r = read(
        "\"It is busy,\" said spokeswoman Christine Rush. Jeremy Irons, whose film is in competition, said he had wondered whether to come. \"I questioned it,\" the British actor said.",
    );
    assert_eq!(speakers(&r), [said("It is busy,", "Christine Rush"), said("I questioned it,", "Jeremy Irons")]);
}

#[test]
fn a_pronoun_goes_to_the_person_of_its_sex_not_the_last_name() {
    let r = read("Ms Anna Blears spoke. Campaigner Mark Shah accused Ms Blears of \"playing a card\". \"She is wrong,\" he said. \"We object,\" she said.");
    let got = speakers(&r);
    assert_eq!(got[1], said("She is wrong,", "Mark Shah"));
    assert_eq!(got[2], said("We object,", "Anna Blears"));
}

#[test]
fn a_spokesman_for_someone_is_the_spokesman_and_places_and_firms_are_not_speakers() {
    let r = read(
        "A spokesman for Michael Howard said: \"We disagree.\" Robert Jackson, MP for Wantage in Oxfordshire, said: \"It is fine.\" Ann Roe, chief economist at High Frequency Economics, said: \"Growth slowed.\" \"It is good,\" Mr Jackson told BBC News.",
    );
    assert_eq!(
        speakers(&r),
        [
            said("We disagree.", "A spokesman for Michael Howard"),
            said("It is fine.", "Robert Jackson"),
            said("Growth slowed.", "Ann Roe"),
            said("It is good,", "Robert Jackson"),
        ]
    );
}

#[test]
fn a_role_names_the_person_who_holds_it() {
    let r = read("Home Secretary Charles Clarke visited. \"We will act,\" the home secretary said.");
    assert_eq!(speakers(&r), [said("We will act,", "Charles Clarke")]);
}

#[test]
fn where_something_was_said_is_not_who_said_it() {
    let r = read(
        "Christian Aid has called on firms not to simply \"cut and run\" but look after their workers, in a new report called Rags.",
    );
    assert_eq!(speakers(&r), [said("cut and run", "Christian Aid")]);
}

#[test]
fn an_organisation_speaks_when_it_is_the_subject() {
    let r = read("The regulator Ofcom met. \"The plan is fair,\" the Ofcom board said. \"We agree,\" Ofcom said.");
    assert_eq!(speakers(&r)[1], said("We agree,", "Ofcom"));
}

#[test]
fn a_pronoun_after_a_sentence_about_someone_else_means_that_person() {
    let r = read(
        "Tom Baker said the plan was \"a disaster\". The claims were put to John Smith on Friday. He said: \"Nothing happened.\"",
    );
    assert_eq!(speakers(&r), [said("a disaster", "Tom Baker"), said("Nothing happened.", "John Smith")]);
}

#[test]
fn a_person_named_as_an_owner_in_the_sentence_before_is_not_who_a_pronoun_means() {
    let r = read(
        "A spokesman said: \"We disagree.\" His words came as John Smith backed Mr Baker's plan. He said: \"It works.\"",
    );
    assert_eq!(speakers(&r), [said("We disagree.", "A spokesman"), said("It works.", "John Smith")]);
}

#[test]
fn a_name_before_an_apposition_that_opens_with_an_owner_is_the_speaker() {
    let r = read(
        "Christian Aid warned of this. \"Workers in Nepal will lose,\" Andrew Pendleton, Christian Aid's \
                  head of Trade Policy, said.",
    );
    assert_eq!(speakers(&r), [said("Workers in Nepal will lose,", "Andrew Pendleton")]);
}

#[test]
fn a_name_no_first_name_list_knows_is_a_person_when_a_titled_apposition_follows_it() {
    let r = read("Analysts were wary. Kaha Kiknavelidze, analyst at Troika Dialog, said: \"I think it was made.\"");
    assert_eq!(speakers(&r), [said("I think it was made.", "Kaha Kiknavelidze")]);
}

#[test]
fn a_pronoun_after_an_opening_phrase_is_the_subject_of_the_speech_verb() {
    let r = read(
        "Alex Ferguson said on Saturday: \"It was wrong.\" The row went on. Those claims were put to \
                  Peter Wenger after the game. At first he said only: \"Nothing happened.\"",
    );
    assert_eq!(speakers(&r), [said("It was wrong.", "Alex Ferguson"), said("Nothing happened.", "Peter Wenger")]);
}

#[test]
fn a_name_in_the_place_a_speaker_comes_from_is_not_the_speaker() {
    let r = read(
        "Health analyst Tony Beddow, from the Welsh Institute for Health and Social Care, called the new targets \"reasonably impressive\".",
    );
    assert_eq!(r.quotes(), [("reasonably impressive", Some("Tony Beddow".to_string()), false)]);
}

#[test]
fn a_long_subject_after_a_quotation_counts_when_a_name_ends_it() {
    let r = read(
        "Nobody knows. \"Estimates vary, but we estimate it to be 30%,\" the Washington-based independent think-tank The Brookings Institution says.",
    );
    assert_eq!(r.quotes()[0].1.as_deref(), Some("Brookings Institution"));
}

#[test]
fn a_speech_verb_in_ing_after_a_comma_speaks_for_the_subject_before_it() {
    let r = read("BT made an offer. Telecom analysts Ovum welcomed the move, saying BT had \"given a lot of ground\".");
    assert_eq!(r.quotes()[0].1.as_deref(), Some("Ovum"));
}

#[test]
fn a_relative_clause_between_a_speaker_and_the_speech_verb_leaves_the_speaker_theirs() {
    let r = read(
        "Bob Roe spoke first. Dance teacher Eve Trew, who has taught ballet for 48 years, told BBC News she had seen a \"vast\" change.",
    );
    assert_eq!(speakers(&r), [said("vast", "Eve Trew")]);
}

#[test]
fn a_speech_verb_joined_by_and_speaks_for_the_names_opening_the_clause() {
    let r = read(
        "Gordon Brown spoke first. Oxfam senior policy adviser Max Lawson welcomed the statement and said ministers had \"passed the first hurdle\".",
    );
    assert_eq!(speakers(&r), [said("passed the first hurdle", "Max Lawson")]);
}

#[test]
fn a_cue_ending_in_a_colon_introduces_the_next_quotation_not_a_phrase_quoted_before_it() {
    let r = read(
        "Ferguson and Wenger met. Reminded that Ferguson called him \"a disgrace\", Wenger added: \"I don't respond to anything.\"",
    );
    assert_eq!(speakers(&r), [said("a disgrace", "Ferguson"), said("I don't respond to anything.", "Wenger")]);
}

#[test]
fn phrases_quoted_side_by_side_share_the_cue_after_the_last() {
    let r = read(
        "Hazel Blears spoke. Her comments have been described as \"irresponsible\" and \"outrageous\" by the Islamic Human Rights Commission.",
    );
    let commission = "Islamic Human Rights Commission";
    assert_eq!(speakers(&r), [said("irresponsible", commission), said("outrageous", commission)]);
}

#[test]
fn a_name_after_a_preposition_is_not_the_speaker_even_after_an_honorific() {
    let r = read(
        "Tony Blair spoke. \"We are united,\" Mr Blair said. According to Ms Ann Lee the prime minister said: \"Help me.\"",
    );
    assert_eq!(speakers(&r), [said("We are united,", "Tony Blair"), said("Help me.", "Tony Blair")]);
}

#[test]
fn an_organisation_the_text_leaves_unnamed_is_the_speaker_not_the_last_person_quoted() {
    let r = read(
        "\"We will appeal,\" said Ann Lee. In its new plan, the government said it was addressing \"the difficult issue\" of cost.",
    );
    let government = r.found.get(1).and_then(|f| f.speaker.as_ref()).map(|s| s.name(&r.text, &r.entities));
    assert_eq!(government.as_deref(), Some("the government"));
}

#[test]
fn an_unnamed_source_ends_before_its_speech_verb() {
    let r = read(
        "A spokesman for the Home Office said it was wholly wrong to suggest that the plan was to return \
         children \"and leave them to rot\".",
    );
    assert_eq!(speakers(&r), [said("and leave them to rot", "A spokesman for the Home Office")]);
}

#[test]
fn a_source_word_before_the_head_of_an_unnamed_source_does_not_hide_it() {
    let r = read(
        "Lord Smith said the plan had failed. The prime minister's official spokesman said it worked. But he added: \"Not always.\"",
    );
    assert_eq!(speakers(&r), [said("Not always.", "The prime minister's official spokesman")]);
}

#[test]
fn a_phrase_quoted_without_a_cue_is_the_speakers_only_within_their_paragraph() {
    let r = read(
        "\"We will cut prices,\" said Ann Lee. Her firm wants \"fair rules\".\n\nThe group will also open the \"local loop\".",
    );
    assert_eq!(
        speakers(&r),
        [said("We will cut prices,", "Ann Lee"), said("fair rules", "Ann Lee"), ("local loop".to_string(), None)]
    );
}

#[test]
fn a_pronoun_after_an_opening_conjunction_is_the_subject_of_a_phrase_quoted_in_narration() {
    let r = read("\"We lost,\" said Tom Baker.\n\nJohn Smith disagreed. But he blamed \"a lack of talent\".");
    assert_eq!(speakers(&r), [said("We lost,", "Tom Baker"), said("a lack of talent", "John Smith")]);
}

#[test]
fn a_quote_whose_own_cue_names_no_one_found_is_not_given_to_the_last_speaker() {
    let r = read("\"We lost,\" said Tom Baker. The club approached the board with \"new plans\", it has confirmed.");
    assert_eq!(speakers(&r), [said("We lost,", "Tom Baker"), ("new plans".to_string(), None)]);
}

#[test]
fn a_phrase_quoted_after_a_passive_verb_is_not_what_its_subject_said() {
    let r = read(
        "Labour is to be investigated over claims its campaign broke the rules on \"cold calling\" voters. \
         Officials said Labour denies it. Labour accused the watchdog of \"playing politics\".",
    );
    assert_eq!(speakers(&r), [("cold calling".to_string(), None), said("playing politics", "Labour")]);
}

#[test]
fn a_phrase_quoted_under_a_denial_is_nobodys_but_one_said_after_a_denial_is_the_speakers() {
    let r = read(
        "Mike Nattrass spoke at a meeting. But challenged on the remark, he denied accusing Germany of using \
         the EU as cover for a \"4th German Reich\". Mr Nattrass, who denied he planned to resign, said it was \
         a \"difficult issue\".",
    );
    assert_eq!(speakers(&r), [("4th German Reich".to_string(), None), said("difficult issue", "Mike Nattrass")]);
}

#[test]
fn a_speech_word_after_a_determiner_or_a_preposition_is_a_noun_not_the_cue() {
    let r = read(
        "Prime Minister Tony Blair met Chancellor Gordon Brown. Later Gordon Brown left. But the prime minister \
         said he had discussed these claims with the chancellor and dismissed them as a \"load of nonsense\".",
    );
    assert_eq!(speakers(&r), [said("load of nonsense", "Tony Blair")]);
}

#[test]
fn the_deputy_of_a_title_is_not_who_the_title_means() {
    let r = read(
        "Prime Minister Tony Blair arrived. Deputy Prime Minister John Prescott spoke next. \
         \"We will win,\" the prime minister said.",
    );
    assert_eq!(speakers(&r), [said("We will win,", "Tony Blair")]);
}

#[test]
fn a_definite_subject_that_names_no_kind_of_person_is_not_the_last_speaker() {
    let r = read(
        "Tony Blair spoke at the conference. \"We will win,\" he said. The book says the pair have \"mutual \
         contempt\" for each other. The British actor said the film was \"delightful\".",
    );
    assert_eq!(speakers(&r)[1], ("mutual contempt".to_string(), None));
    assert_eq!(speakers(&r)[2], said("delightful", "Tony Blair"));
}

#[test]
fn a_phrase_quoted_after_a_cue_whose_subject_names_no_one_found_does_not_carry_the_run_on() {
    let r = read(
        "Tony Blair spoke at the conference. \"We will win,\" he said. The book, published on Monday, says the \
         pair have \"mutual contempt\" for each other.",
    );
    assert_eq!(speakers(&r), [said("We will win,", "Tony Blair"), ("mutual contempt".to_string(), None)]);
}

#[test]
fn a_named_speaker_with_an_honorific_before_an_apposition_is_the_person_not_the_role() {
    let r = read("Norman Baker raised it. Mr Baker, the Lib Dem environment spokesman, said: “It is wrong.”");
    assert_eq!(r.quotes(), [("It is wrong.", Some("Norman Baker".to_string()), true)]);
}

#[test]
fn an_unnamed_source_described_by_an_apposition_is_the_speaker() {
    let r = read("The talks ended. A spokesman for Unison, Britain's biggest union, said after it: “We talk.”");
    assert_eq!(r.quotes(), [("We talk.", Some("A spokesman for Unison".to_string()), true)]);
}

#[test]
fn a_gerund_after_a_conjunction_names_no_speaker_after_it() {
    let r = read("Nicholas Betts-Green has resigned after admitting a “brief attachment” to the party.");
    assert_eq!(r.quotes(), [("brief attachment", Some("Nicholas Betts-Green".to_string()), false)]);
}

#[test]
fn a_first_name_after_a_noun_for_a_person_is_a_person_a_pronoun_can_stand_for() {
    let r = read("His daughter Emily said it would be “quite a big step”. “It might work,” she said.");
    let emily = Some("Emily".to_string());
    assert_eq!(r.quotes(), [("quite a big step", emily.clone(), false), ("It might work,", emily, true)]);
}

#[test]
fn a_name_in_apposition_to_a_title_is_a_person_and_the_subject_a_pronoun_stands_for() {
    let r = read(
        "Mr Kenteris was cleared on Monday. The head of that tribunal, Kostas Panagopoulos, said it \
         was over. “The charge fails,” he said.",
    );
    assert_eq!(r.quotes(), [("The charge fails,", Some("Kostas Panagopoulos".to_string()), true)]);
}

#[test]
fn a_month_after_a_first_name_is_a_surname_wherever_it_is_no_date() {
    let r = read(
        "Guitarist Brian May expects to tour in May. May said: “Suddenly it is back.” \
         “The show went well,” May wrote. It starts on 5 May.",
    );
    let may = Some("Brian May".to_string());
    assert_eq!(r.quotes(), [("Suddenly it is back.", may.clone(), true), ("The show went well,", may, true)]);
    let brian = r.entities.iter().find(|e| e.name == "Brian May").map(|e| e.aliases.clone());
    assert_eq!(brian, Some(vec!["May".to_string()]));
}

#[test]
fn a_nickname_in_single_marks_is_part_of_the_name_and_no_quotation() {
    let r = read("Brian 'Head' Welch told a radio station he had quit. “Anger is good,” he said.");
    let welch = Some("Brian 'Head' Welch".to_string());
    assert_eq!(r.quotes(), [("Anger is good,", welch, true)]);
}

#[test]
fn a_correspondent_the_text_does_not_name_is_an_unnamed_source() {
    let r = read(
        "A spokesman for Mr Prescott spoke. Ministers think it the “less painful” option, our correspondent added.",
    );
    assert_eq!(r.quotes(), [("less painful", Some("our correspondent".to_string()), false)]);
}

#[test]
fn words_in_lower_case_after_a_verb_with_the_stop_outside_are_a_partial_quote() {
    let r = read("In a speech, William Donaldson promised “several initiatives”. Altman said “we are back.”");
    let donaldson = ("several initiatives", Some("William Donaldson".to_string()), false);
    assert_eq!(r.quotes()[0], donaldson);
    assert!(r.quotes()[1].2, "a sentence quoted with its own stop stays direct: {:?}", r.quotes());
}

#[test]
fn a_quotation_with_no_cue_is_said_by_whom_the_sentence_before_reports_speaking() {
    let r = read(
        "\"I feel they over-reacted,\" said John Houston.\n\nPeter Nielson, who is UKIP Scotland chairman, said he had suspended Mr Houston on Friday night. \"He will remain suspended while the matter is investigated.\" He said that any evidence would be looked into and Mr Houston may be interviewed. He added: \"I can't comment too much at the moment.\"",
    );
    let speakers: Vec<Option<String>> = r.quotes().into_iter().map(|q| q.1).collect();
    assert_eq!(
        speakers,
        [Some("John Houston".to_string()), Some("Peter Nielson".to_string()), Some("Peter Nielson".to_string())]
    );
}

#[test]
fn a_quotation_with_no_cue_after_a_sentence_about_a_named_person_is_theirs() {
    let r = read(
        "\"We were better,\" said Rafael Nadal.\n\nUS coach Patrick McEnroe wants his team to play more on clay. \"I think it will help these guys.\"",
    );
    let speakers: Vec<Option<String>> = r.quotes().into_iter().map(|q| q.1).collect();
    assert_eq!(speakers, [Some("Rafael Nadal".to_string()), Some("Patrick McEnroe".to_string())]);
}

#[test]
fn a_quotation_whose_cue_names_no_one_found_is_not_given_to_the_sentence_before() {
    let r = read("Joel Ross joined the show last year. \"Listeners will like it,\" it has confirmed.");
    assert_eq!(r.quotes()[0].1, None);
}

#[test]
fn a_person_described_by_two_nouns_joined_by_and_is_the_subject_a_pronoun_stands_for() {
    let r = read(
        "Shelley Taylor, analyst and author of a report about music, said locks were done for cash. \"Apple could not justify it,\" she said.",
    );
    assert_eq!(r.quotes()[0].1.as_deref(), Some("Shelley Taylor"));
}

#[test]
fn a_person_named_first_and_described_in_lower_case_speaks_not_the_firm_the_description_ends_in() {
    let r = read(
        "\"HD support is mandatory,\" Dr Mark Tuffy games systems director at digital content firm THX told the BBC.",
    );
    assert_eq!(r.quotes()[0].1.as_deref(), Some("Mark Tuffy"));
}

#[test]
fn a_quotation_after_a_sentence_opening_with_a_participle_is_its_subjects() {
    let r = read(
        "The premier praised him.\n\nWriting in the Guardian newspaper, Mr Brown outlined his view of the direction New Labour should be taking. \"As our manifesto should make clear, Labour's ambition is full employment.\" BBC political editor Andrew Marr said that it was \"a warning shot\".",
    );
    assert_eq!(r.quotes()[0].1.as_deref(), Some("Brown"), "{:?}", r.quotes());
}

#[test]
fn an_acronym_in_brackets_inside_a_speakers_phrase_ends_no_clause() {
    let r = read(
        "A spokesman for the British Phonographic Industry (BPI) said the chart was due \"within the first half of this year\".",
    );
    assert!(r.quotes()[0].1.as_deref().is_some_and(|s| s.contains("spokesman")), "{:?}", r.quotes());
}

#[test]
fn a_speaker_named_after_the_role_that_follows_said_is_that_person() {
    let r = read(
        "The plan was attacked on Friday. \"It will be a tragedy,\" said the chairman of the Commons education \
         committee, Labour MP Barry Sheerman. He left early.",
    );
    assert_eq!(r.quotes(), [("It will be a tragedy,", Some("Barry Sheerman".to_string()), true)]);
}

#[test]
fn a_phrase_quoted_in_a_sentence_that_closes_with_who_said_it_is_theirs() {
    let r = read(
        "\"Oil will fall,\" said Vincent Koen, an economist. A \"spectacular comeback\" in Japan - albeit one \
         that has faltered in recent months - would help world economic recovery, the OECD said. \"Supported by profits, investment should continue,\" it added.",
    );
    assert_eq!(
        r.quotes(),
        [
            ("Oil will fall,", Some("Vincent Koen".to_string()), true),
            ("spectacular comeback", Some("OECD".to_string()), false),
            ("Supported by profits, investment should continue,", Some("OECD".to_string()), true)
        ]
    );
}

#[test]
fn a_closing_clause_that_quotes_a_name_of_its_own_says_no_one() {
    let r = read(
        "Lake Constance consists of three bodies of water: the Obersee (\"upper lake\"), the Untersee (\"lower \
         lake\"), and a connecting stretch of the Rhine, called the Seerhein (\"Lake Rhine\").",
    );
    assert_eq!(r.quotes().first(), Some(&("upper lake", None, false)), "{:?}", r.quotes());
}
