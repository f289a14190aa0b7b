use proptest::prelude::*;

use super::*;

fn date(s: &str) -> Date {
    parse_date(s).unwrap_or_else(|| panic!("{s} is a date"))
}

fn day(s: &str) -> Resolved {
    Resolved::Day(date(s))
}

fn shown(r: Option<Resolved>) -> Option<String> {
    r.map(|r| r.to_string())
}

/// The string the timeline used to sort by: the ISO text, and "X~" for an event after X.
fn old_key(r: &Resolved) -> String {
    match r {
        Resolved::After(anchor) => format!("{anchor}~"),
        other => other.to_string(),
    }
}

#[test]
fn weekdays_resolve_to_the_last_such_day_on_or_before_the_story_date() {
    let story = date("2025-01-25");
    assert_eq!(shown(weekday("On Tuesday", story)).as_deref(), Some("2025-01-21"));
    assert_eq!(shown(weekday("Saturday", story)).as_deref(), Some("2025-01-25"));
    assert_eq!(shown(weekday("last Saturday", story)).as_deref(), Some("2025-01-18"));
    assert_eq!(shown(weekday("next Monday", story)).as_deref(), Some("2025-01-27"));
    assert_eq!(shown(weekday("next Sunday", story)).as_deref(), Some("2025-01-26"));
    assert_eq!(shown(weekday("next Saturday", story)).as_deref(), Some("2025-02-01"), "a week on, not tomorrow");
    assert_eq!(shown(relative("the past week", story)).as_deref(), Some("2025-01-18 to 2025-01-24"));
    assert_eq!(shown(day_of_month("January 3", Some(story.year()))).as_deref(), Some("2025-01-03"));
    assert_eq!(year("1990s"), None);
}

#[test]
fn bad_dates_are_not_dates() {
    assert!(parse_date("2025-02-30").is_none());
    assert!(parse_date("soon").is_none());
}

#[test]
fn month_names_resolve_whatever_the_order_of_any_word_list() {
    let story = date("2025-06-14");
    for (number, name) in (1u8..).zip(["January", "February", "March", "April", "May", "June", "July"]) {
        let expected = format!("2025-{number:02}-03");
        assert_eq!(shown(day_of_month(&format!("{name} 3"), Some(story.year()))), Some(expected.clone()), "{name}");
        assert_eq!(shown(day_of_month(&format!("3rd {name}"), Some(story.year()))), Some(expected), "{name}");
    }
    for (number, name) in (8u8..).zip(["August", "September", "October", "November", "December"]) {
        let expected = format!("2024-{number:02}-21");
        assert_eq!(shown(day_of_month(&format!("{name} 21, 2024"), Some(story.year()))), Some(expected), "{name}");
    }
    assert_eq!(day_of_month("Monday 3", Some(story.year())), None, "a weekday is no month");
}

#[test]
fn weekday_names_resolve_to_their_own_day() {
    let monday = date("2025-01-27");
    let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    for (ahead, name) in (1i64..).zip(names.iter().skip(1)) {
        let expected = (monday + Duration::days(ahead - 7)).to_string();
        assert_eq!(shown(weekday(name, monday)), Some(expected), "{name}");
    }
    assert_eq!(weekday("January", monday), None, "a month is no weekday");
}

#[test]
fn a_day_of_the_month_takes_the_year_written_or_else_the_story_year() {
    let story = date("2023-06-14");
    assert_eq!(shown(day_of_month("5th March 2022", Some(story.year()))).as_deref(), Some("2022-03-05"));
    assert_eq!(shown(day_of_month("December 12th", Some(story.year()))).as_deref(), Some("2023-12-12"));
    assert_eq!(day_of_month("31 September", Some(story.year())), None);
}

#[test]
fn years_and_spans_of_years_print_as_written_and_decades_are_not_dates() {
    assert_eq!(year("2022"), Some(Resolved::Year(2022)));
    assert_eq!(shown(year("2003/2004")).as_deref(), Some("2003/2004"));
    assert_eq!(shown(year("2022 - 23")).as_deref(), Some("2022 - 23"));
    assert_eq!(year("1990s"), None);
}

#[test]
fn relative_dates_count_from_the_story_date() {
    let story = date("2023-06-14");
    assert_eq!(shown(relative("Yesterday", story)).as_deref(), Some("2023-06-13"));
    assert_eq!(shown(relative("Last week", story)).as_deref(), Some("2023-06-07 to 2023-06-13"));
    assert_eq!(shown(relative("next year", story)).as_deref(), Some("2024"));
    assert_eq!(relative("recent months", story), None);
}

#[test]
fn a_date_past_the_end_of_the_calendar_is_no_date() {
    let last = date("9999-12-31");
    assert_eq!(relative("tomorrow", last), None);
    assert_eq!(weekday("next Monday", last), None);
}

#[test]
fn a_year_sorts_before_the_days_in_it_and_after_it_comes_after_them_all() {
    let year_2022 = Resolved::Year(2022);
    let after_2022 = Resolved::After(Anchor::Year(2022));
    assert!(year_2022 < day("2022-01-01"));
    assert!(day("2022-12-31") < after_2022);
    assert!(Resolved::Span(date("2022-12-30"), date("2023-01-05")) < after_2022);
    assert!(after_2022 < Resolved::Year(2023));
}

#[test]
fn a_day_sorts_before_a_span_from_it_and_both_before_what_comes_after_it() {
    let tuesday = day("2025-01-21");
    let week = Resolved::Span(date("2025-01-21"), date("2025-01-27"));
    let after_tuesday = Resolved::After(Anchor::Day(date("2025-01-21")));
    assert!(tuesday < week);
    assert!(week < after_tuesday);
    assert!(after_tuesday < day("2025-01-22"));
    assert!(Resolved::Span(date("2025-01-21"), date("2025-01-22")) < week, "the shorter span first");
}

#[test]
fn an_event_after_a_span_goes_on_from_its_first_day() {
    let week = Resolved::Span(date("2025-01-18"), date("2025-01-24"));
    assert_eq!(week.start(), Anchor::Day(date("2025-01-18")));
    assert_eq!(Resolved::After(week.start()).to_string(), "after 2025-01-18");
    let spaced = year("2022 - 23").unwrap_or_else(|| panic!("a span of years"));
    assert_eq!(spaced.start(), Anchor::Year(2022), "it starts at its first word, as before");
}

#[test]
fn a_span_of_years_keeps_the_place_its_text_gives_it() {
    let fiscal = Resolved::Years(YearSpan("2004-05".into()));
    assert!(day("2004-04-30") < fiscal && fiscal < day("2004-05-01"));
    let season = Resolved::Years(YearSpan("2003/2004".into()));
    assert!(day("2003-12-31") < season && season < Resolved::After(Anchor::Year(2003)));
}

#[test]
fn json_shows_the_iso_text() {
    let after = Resolved::After(Anchor::Day(date("2025-01-21")));
    assert_eq!(serde_json::json!({ "resolved": after }).to_string(), r#"{"resolved":"after 2025-01-21"}"#);
}

/// Mostly a few days close together, so that generated dates often start on the same day or
/// in the same year.
fn any_date() -> impl Strategy<Value = Date> {
    let parts = prop_oneof![4 => (2020..2022i32, 1..=2u8, 1..=3u8), 1 => (0..=9999i32, 1..=12u8, 1..=28u8)];
    parts.prop_filter_map("a calendar date", |(y, m, d)| Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok())
}

/// Spans of years the facts' year pattern can match, with the gaps it allows.
fn any_year_span() -> impl Strategy<Value = String> {
    let gap = prop::sample::select(vec!["", " ", "\u{a0}"]);
    let sep = prop::sample::select(vec!["-", "–", "/"]);
    let end = prop_oneof![(0..100u32).prop_map(|n| format!("{n:02}")), (1800..2100u32).prop_map(|n| n.to_string())];
    (2020..2022i32, gap.clone(), sep, gap, end).prop_map(|(y, a, s, b, e)| format!("{y}{a}{s}{b}{e}"))
}

/// Any date a time expression resolves to.
fn any_stated() -> impl Strategy<Value = Resolved> {
    prop_oneof![
        any_date().prop_map(Resolved::Day),
        (any_date(), prop_oneof![0..3i64, 0..400i64]).prop_filter_map("a span", |(from, days)| {
            Some(Resolved::Span(from, from.checked_add(Duration::days(days))?))
        }),
        prop_oneof![2020..2022i32, -1..=10000i32].prop_map(Resolved::Year),
        any_year_span().prop_filter_map("a span of years", |s| year(&s)),
    ]
}

/// Any date, or "after" the start of one.
fn any_resolved() -> impl Strategy<Value = Resolved> {
    (any_stated(), any::<bool>()).prop_map(|(r, after)| if after { Resolved::After(r.start()) } else { r })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_order_is_the_one_the_old_string_keys_gave(a in any_resolved(), b in any_resolved()) {
        prop_assert_eq!(a.cmp(&b), old_key(&a).cmp(&old_key(&b)), "{:?} vs {:?}", a, b);
        prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
    }

    #[test]
    fn the_start_is_the_old_first_word_of_the_date(r in any_stated()) {
        let text = r.to_string();
        prop_assert_eq!(r.start().to_string(), text.split(' ').next().unwrap_or_default());
    }
}
