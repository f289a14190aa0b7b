use super::*;
use crate::corpus::{Corpus, Kind as QuoteKind};
use crate::story::facts::Kind as FactKind;
use crate::story::timeline::Dating;
use crate::story::verify::{Change, Verdict};
use crate::story::{facts as story_facts, people as story_people};

fn corpus(text: &str) -> Corpus {
    Corpus::of_story(text)
}

/// The bytes a view's source points at.
fn slice<'a>(corpus: &'a Corpus, source: &Source) -> &'a str {
    &corpus.docs[0].text[source.span.clone()]
}

fn source_at(paragraph: usize, sentence: usize) -> Source {
    Source {
        doc: "t".into(),
        title: "Harbour town votes".into(),
        date: Some("2024-03-08".into()),
        path: "corpus/t.txt".into(),
        paragraph,
        sentence,
        span: 0..0,
        url: None,
        among_others: false,
    }
}

#[test]
fn a_fact_view_carries_the_verbatim_value_what_it_measures_and_its_place() {
    let c = corpus("It was late.\n\nSoon the town made a plan. The initial phase includes a $100 billion investment.");
    let all = story_facts::all(&c);
    let view = FactView::new(&c, &all[0]);
    assert_eq!(view.value, "$100 billion");
    assert_eq!(slice(&c, &view.source), "$100 billion", "the source spans the value");
    assert_eq!((view.measures.as_str(), view.measures_from), ("investment", MeasuresFrom::Text));
    assert_eq!(view.measures_shown(str::to_string), "“investment”", "the story's words are quoted");
    assert_eq!(view.sentence, "The initial phase includes a $100 billion investment.");
    assert_eq!(view.place(), Place { story: None, paragraph: 2, sentence: 2 });
    assert_eq!(view.place().to_string(), "paragraph 2, sentence 2");
}

#[test]
fn a_measure_from_the_front_matter_is_shown_as_written_and_a_date_with_what_it_resolves_to() {
    let view = FactView {
        value: "on Wednesday".into(),
        kind: FactKind::Weekday,
        resolved: Some("2024-03-06".into()),
        measures: "the vote".into(),
        measures_from: MeasuresFrom::Corpus,
        sentence: "The council voted on Wednesday.".into(),
        source: source_at(1, 1),
    };
    assert_eq!(view.measures_shown(|t| t.to_uppercase()), "THE VOTE");
    assert_eq!(view.resolved_suffix(), " (2024-03-06)");
    assert_eq!(FactView { resolved: None, ..view }.resolved_suffix(), "");
}

#[test]
fn the_whosaid_view_of_no_candidates_carries_the_no_quote_sentence_naming_each_front_ends_list() {
    let view = WhosaidView { text: "zebra".into(), candidates: Vec::new() };
    assert_eq!(
        view.heading(Front::Cli).as_deref(),
        Some("No quote in the story is close to that. Try `storybot quotes` for the list.")
    );
    assert_eq!(
        view.heading(Front::Discord).as_deref(),
        Some("No quote in the story is close to that. Try /quote for the list.")
    );
}

#[test]
fn one_candidate_needs_no_heading_and_several_are_counted() {
    let c = corpus("Mayor Linda Ortiz spoke. “It works,” Ortiz said. “It is late,” Ortiz said.");
    let quotes = c.quotes_by(None);
    let candidate = |q| CandidateView { coverage: 0.5, quote: QuoteView::new(&c, q) };
    let one = WhosaidView { text: "works".into(), candidates: vec![candidate(quotes[0])] };
    assert_eq!(one.heading(Front::Cli), None);
    let two = WhosaidView { text: "it".into(), candidates: quotes.iter().map(|q| candidate(q)).collect() };
    assert_eq!(two.heading(Front::Discord).as_deref(), Some("2 quotes could be meant:"));
}

#[test]
fn a_quote_view_has_the_speaker_the_verbatim_words_their_span_and_the_words_naming_the_speaker() {
    let c = corpus("Mayor Linda Ortiz spoke. “It works,” Ortiz said.");
    let quotes = QuoteView::list(&c, &c.quotes_by(None));
    let q = &quotes[0];
    assert_eq!((q.speaker.as_str(), q.kind, q.text.as_str()), ("Linda Ortiz", QuoteKind::DirectQuote, "It works,"));
    assert_eq!(q.named_by.as_deref(), Some("Ortiz"));
    assert_eq!(slice(&c, &q.source), "It works,", "the source spans the quote, not its sentence");
    assert_eq!(q.place(), Place { story: None, paragraph: 1, sentence: 2 });
}

#[test]
fn a_quotes_own_link_is_its_source_and_otherwise_the_documents() {
    let text = "+++\ntitle = \"Ferry\"\nurl = \"https://example.com/story\"\n[[quotes]]\nspeaker = \"Linda Ortiz\"\ntext = \"It works,\"\nurl = \"https://example.com/quote\"\n+++\nMayor Linda Ortiz spoke. “It works,” Ortiz said. “It is late,” Ortiz said.";
    let c = corpus(text);
    let urls: Vec<Option<String>> = QuoteView::list(&c, &c.quotes_by(None)).into_iter().map(|q| q.source.url).collect();
    assert_eq!(urls, [Some("https://example.com/quote".into()), Some("https://example.com/story".into())]);
}

fn verification(found: Option<FoundView>) -> VerificationView {
    VerificationView {
        claim: "they have the money".into(),
        claimed_speaker: None,
        claimed_speaker_in_story: None,
        verdict: if found.is_some() { Verdict::Exact } else { Verdict::NotInStory },
        excerpt: false,
        misattributed: false,
        found,
        diff: Vec::new(),
    }
}

fn found(speaker: Option<&str>, quote: Option<&str>) -> FoundView {
    FoundView {
        text: "they have the money".into(),
        speaker: speaker.map(str::to_string),
        kind: if quote.is_some() { QuoteKind::DirectQuote } else { QuoteKind::Narration },
        quote: quote.map(str::to_string),
        source: source_at(2, 8),
    }
}

#[test]
fn the_summary_says_the_verdict_who_said_it_and_a_wrong_speaker() {
    assert_eq!(verification(None).summary(), "Not in the story: nothing in it is close to these words.");
    let narration = verification(Some(found(None, None)));
    assert_eq!(narration.summary(), "Exact: these are the writer’s own words, not a quote.");
    let unnamed = VerificationView { excerpt: true, ..verification(Some(found(None, Some("so they have the money")))) };
    assert_eq!(
        unnamed.summary(),
        "Exact (an excerpt: the quote goes on): the story quotes this without naming who said it."
    );
    let wrong = VerificationView {
        claimed_speaker: Some("Sam".into()),
        claimed_speaker_in_story: Some("Sam Altman".into()),
        misattributed: true,
        verdict: Verdict::Altered,
        ..verification(Some(found(Some("Elon Musk"), Some("they have the money"))))
    };
    assert_eq!(
        wrong.summary(),
        "Altered (see the diff): Elon Musk said this. Misattributed: the claim says Sam Altman."
    );
}

#[test]
fn the_diff_marks_each_change_as_the_front_end_asks() {
    let view = VerificationView {
        diff: vec![
            Change::Same("They don’t".into()),
            Change::Dropped("actually".into()),
            Change::Same("have".into()),
            Change::Changed("the money".into(), "no cash".into()),
            Change::Added("at all".into()),
        ],
        ..verification(None)
    };
    assert_eq!(view.marked_diff(&DiffMarks::PLAIN), "They don’t [-actually-] have [-the money-]{+no cash+} {+at all+}");
    let loud = DiffMarks { dropped: ("<", ">"), added: ("(", ")"), between: " ", escape: |t| t.to_uppercase() };
    assert_eq!(view.marked_diff(&loud), "THEY DON’T <ACTUALLY> HAVE <THE MONEY> (NO CASH) (AT ALL)");
}

#[test]
fn the_roster_is_grouped_people_then_organisations_with_roles_counts_and_first_mention() {
    let c = corpus(
        "The Harbor Ferry Company hired Mayor Linda Ortiz. “It works,” Ortiz said. Ortiz left the Harbor Ferry Company.",
    );
    let view = RosterView::new(&c, &story_people::roster(&c));
    let groups: Vec<(&str, Vec<&str>)> =
        view.groups().into_iter().map(|(h, ps)| (h, ps.iter().map(|p| p.name.as_str()).collect())).collect();
    assert_eq!(groups, [("People", vec!["Linda Ortiz"]), ("Organisations", vec!["Harbor Ferry Company"])]);
    let ortiz = &view.people[0];
    assert_eq!((ortiz.kind.as_str(), ortiz.roles.as_slice()), ("person", ["Mayor".to_string()].as_slice()));
    assert_eq!(ortiz.counts(), "3 mentions, 1 quote");
    let first = ortiz.first_mention.as_ref().map(|s| slice(&c, s));
    assert_eq!(first, Some("Linda Ortiz"), "the first mention's own span");
    assert_eq!(ortiz.first_place(), Some(Place { story: None, paragraph: 1, sentence: 1 }));
    assert!(RosterView { people: Vec::new() }.groups().is_empty());
}

#[test]
fn a_profile_has_the_quotes_and_the_other_sentences_naming_the_person_with_their_places() {
    let c = corpus("Mayor Linda Ortiz spoke. “It works,” Ortiz said. Later Ortiz left.");
    let found = story_people::lookup(&c, "ortiz").unwrap_or_default();
    let view = ProfilesView::new(&c, "ortiz", &found);
    assert_eq!(view.name, "ortiz");
    let profile = &view.matches[0];
    assert_eq!(profile.person.name, "Linda Ortiz");
    let quotes: Vec<(&str, Place)> = profile.quotes.iter().map(|q| (q.text.as_str(), q.place())).collect();
    assert_eq!(quotes, [("It works,", Place { story: None, paragraph: 1, sentence: 2 })]);
    let about: Vec<(&str, usize)> = profile.sentences.iter().map(|s| (s.text.as_str(), s.place().sentence)).collect();
    assert_eq!(about, [("Mayor Linda Ortiz spoke.", 1), ("Later Ortiz left.", 3)]);
    assert_eq!(slice(&c, &profile.sentences[1].source), "Later Ortiz left.");
}

#[test]
fn nobody_called_names_the_roster_command_of_each_front_end() {
    assert_eq!(
        messages::nobody_called("Becker", Front::Cli),
        "The story names nobody called “Becker”. Try `storybot who` for everyone it names."
    );
    assert_eq!(
        messages::nobody_called("Becker", Front::Discord),
        "The story names nobody called “Becker”. Try /who for everyone it names."
    );
}

fn event(when: Option<&str>, resolved: Option<&str>) -> EventView {
    EventView {
        when: when.map(str::to_string),
        resolved: resolved.map(str::to_string),
        dating: Dating::Stated,
        text: "The council voted.".into(),
        source: source_at(1, 1),
    }
}

#[test]
fn an_events_when_shows_the_date_and_the_words_it_was_read_from_when_they_differ() {
    let cases = [
        (Some("On Tuesday"), Some("2025-01-21"), "2025-01-21 (“On Tuesday”)"),
        (Some("2022"), Some("2022"), "2022"),
        (None, Some("after 2025-01-21"), "after 2025-01-21"),
        (Some("On Tuesday"), None, "“On Tuesday” (no date to resolve it against)"),
        (None, None, "undated (story order)"),
    ];
    for (when, resolved, label) in cases {
        assert_eq!(event(when, resolved).when_label(), label);
    }
}

#[test]
fn a_timeline_resolves_weekdays_against_the_story_date_and_says_so() {
    let c = corpus("+++\ndate = \"2024-03-08\"\n+++\nThe council voted 7-2 on Wednesday to approve it.");
    let view = TimelineView::new(&c, &crate::story::timeline::events(&c));
    let whens: Vec<String> = view.events.iter().map(EventView::when_label).collect();
    assert_eq!(whens, ["2024-03-06 (“on Wednesday”)"]);
    assert_eq!(view.events[0].text, "The council voted 7-2 on Wednesday to approve it.");
    assert_eq!(
        view.dates_note().as_deref(),
        Some("Weekdays and “the past week” are resolved against the story’s date, 2024-03-08.")
    );
    assert_eq!(TimelineView { events: Vec::new(), story_date: None, several_dated: false }.dates_note(), None);
}

#[test]
fn a_place_names_its_story_only_when_the_corpus_holds_others() {
    let ferry = "+++\ntitle = \"Ferry fares rise\"\n+++\nFares rose by 5% in 2023.";
    let two = Corpus::of_stories(&[("ferry.txt", ferry), ("b.txt", "Rates fell in 2021.")]);
    let one = corpus("Fares rose by 5% in 2023.");
    let placed = |c: &Corpus| {
        let view = TimelineView::new(c, &crate::story::timeline::events(c));
        view.events.iter().map(|e| e.place().to_string()).collect::<Vec<_>>()
    };
    assert_eq!(placed(&one), ["paragraph 1, sentence 1"]);
    let dated = "+++\ntitle = \"Ferry fares rise\"\ndate = \"2024-03-08\"\n+++\nFares rose on Wednesday.";
    let two_dated = Corpus::of_stories(&[("ferry.txt", dated), ("b.txt", "Rates fell.")]);
    let note = TimelineView::new(&two_dated, &crate::story::timeline::events(&two_dated)).dates_note();
    assert_eq!(note.as_deref(), Some(messages::DATES_RESOLVED_AGAINST_EACH), "not the first story's date");
    let across = ["b, paragraph 1, sentence 1", "Ferry fares rise, paragraph 1, sentence 1"];
    assert_eq!(placed(&two), across, "one timeline across the stories: 2021 before 2023");
}

#[test]
fn a_story_without_a_date_still_places_its_years_and_dated_days_but_not_its_weekdays() {
    let c = corpus(
        "The rebate was won in 1984. The deal was signed on 5 June 2004. Later, talks failed. Talks resume on Tuesday.",
    );
    let view = TimelineView::new(&c, &crate::story::timeline::events(&c));
    let whens: Vec<String> = view.events.iter().map(EventView::when_label).collect();
    let weekday = "“on Tuesday” (no date to resolve it against)";
    // Nothing goes on from a date of a story that has none of its own: 2004 may be background.
    assert_eq!(whens, ["1984", "2004-06-05 (“5 June 2004”)", "undated (story order)", weekday]);
    let facts = FactsView::new(&c, None, &story_facts::all(&c).iter().collect::<Vec<_>>());
    let shown: Vec<String> = facts.facts.iter().map(|f| format!("{}{}", f.value, f.resolved_suffix())).collect();
    assert_eq!(shown, ["1984", "5 June 2004 (2004-06-05)", "on Tuesday"], "a year is not repeated after itself");
}

#[test]
fn a_name_in_several_stories_is_one_roster_entry_and_one_profile() {
    let vote = "+++\ntitle = \"Harbour vote\"\n+++\nMayor Linda Ortiz spoke. “It works,” Ortiz said.";
    let ferry = "+++\ntitle = \"Ferry fares\"\n+++\n“Fares stay,” said Linda Ortiz, the council leader.";
    let c = Corpus::of_stories(&[("vote.txt", vote), ("ferry.txt", ferry)]);
    let roster = RosterView::new(&c, &story_people::roster(&c));
    let ortiz: Vec<&PersonView> = roster.people.iter().filter(|p| p.name == "Linda Ortiz").collect();
    assert_eq!(ortiz.len(), 1, "{roster:?}");
    assert_eq!(
        (ortiz[0].counts(), ortiz[0].roles.clone()),
        ("3 mentions, 2 quotes".to_string(), vec!["Mayor".to_string(), "the council leader".to_string()])
    );
    assert_eq!(ortiz[0].first_place().map(|p| p.to_string()).as_deref(), Some("Harbour vote, paragraph 1, sentence 1"));
    let profiles = ProfilesView::new(&c, "ortiz", &story_people::lookup(&c, "ortiz").unwrap_or_default());
    assert_eq!(profiles.matches.len(), 1);
    let said: Vec<String> = profiles.matches[0].quotes.iter().map(|q| format!("{} — {}", q.text, q.place())).collect();
    assert_eq!(
        said,
        ["It works, — Harbour vote, paragraph 1, sentence 2", "Fares stay, — Ferry fares, paragraph 1, sentence 1"]
    );
}
