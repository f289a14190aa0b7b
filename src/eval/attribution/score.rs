//! Scoring one article: its corpus's quotes, people and facts against the gold labels.

use std::ops::Range;

use super::gold::{Article, Checks, GoldQuote};
use super::report::Scores;
use crate::answer::Engine;
use crate::corpus::{contains_word, Corpus, EntityKind, UNATTRIBUTED};
use crate::story::{facts, verify, whosaid};

/// Marks a gold quote's text follows.
const OPENING_MARKS: &[char] = &['"', '\'', '“', '‘'];

pub fn article(engine: &Engine, gold: &Article, checks: Option<&Checks>) -> Scores {
    let corpus = engine.corpus();
    let mut s = Scores::default();
    quotes(corpus, gold, &mut s);
    people(corpus, gold, &mut s);
    organisations(corpus, gold, &mut s);
    values(corpus, gold, &mut s);
    if let Some(checks) = checks {
        story_checks(engine, checks, &mut s);
    }
    s
}

/// Where the gold quote is in the story's body (not its front matter, whose title may quote
/// it too: "UK rebate 'unjustified' - Chirac"): its `occurrence`-th place right after a quote
/// mark (any place when none follows a mark).
fn locate(text: &str, body: Range<usize>, q: &GoldQuote) -> Option<Range<usize>> {
    let places: Vec<usize> = text[body.clone()].match_indices(q.text.as_str()).map(|(i, _)| body.start + i).collect();
    let after_mark: Vec<usize> =
        places.iter().copied().filter(|&i| text[..i].trim_end().ends_with(OPENING_MARKS)).collect();
    let pool = if after_mark.is_empty() { &places } else { &after_mark };
    let at = *pool.get(q.occurrence.unwrap_or(1).saturating_sub(1)).or(pool.first())?;
    Some(at..at + q.text.len())
}

/// Whether two spans share at least half of the longer one.
fn same_span(a: &Range<usize>, b: &Range<usize>) -> bool {
    let shared = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    shared > 0 && 2 * shared >= a.len().max(b.len())
}

fn speaker_ok(system: &str, q: &GoldQuote) -> bool {
    match &q.speaker {
        None => system == UNATTRIBUTED,
        Some(_) => {
            let lower = system.to_lowercase();
            system != UNATTRIBUTED && q.accepted().iter().any(|w| contains_word(&lower, &w.to_lowercase()))
        }
    }
}

fn quotes(corpus: &Corpus, gold: &Article, s: &mut Scores) {
    let doc = &corpus.docs[0];
    let located: Vec<(&GoldQuote, Option<Range<usize>>)> =
        gold.quotes.iter().map(|q| (q, locate(&doc.text, doc.body.clone(), q))).collect();
    for (q, span) in located.iter().filter(|(q, _)| q.is_speech()) {
        let found = span.as_ref().and_then(|g| doc.quotes.iter().find(|f| same_span(&f.span, g)));
        s.quotes_recall.add(found.is_some());
        match found {
            None => s.problems.push(format!("quote missed: {:?}", q.text)),
            Some(f) => {
                let ok = speaker_ok(&f.speaker, q);
                s.right_speaker.add(ok);
                if !ok {
                    s.problems.push(format!(
                        "speaker {:?} should be {:?}: {:?}",
                        f.speaker,
                        q.speaker.as_deref().unwrap_or("nobody"),
                        short(&q.text)
                    ));
                }
            }
        }
    }
    for f in &doc.quotes {
        let matched = located.iter().find(|(_, g)| g.as_ref().is_some_and(|g| same_span(&f.span, g)));
        match matched {
            Some((q, _)) if !q.is_speech() => {}
            Some(_) => s.quotes_precision.add(true),
            None => {
                // A span inside a labelled non-speech quote is not a false find either.
                let inside_other = located.iter().any(|(q, g)| {
                    !q.is_speech() && g.as_ref().is_some_and(|g| g.start <= f.span.start && f.span.end <= g.end)
                });
                if !inside_other {
                    s.quotes_precision.add(false);
                    s.problems.push(format!("not a gold quote: {:?}", short(&doc.text[f.span.clone()])));
                }
            }
        }
    }
}

fn short(text: &str) -> String {
    let cut: String = text.chars().take(60).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

fn surname(name: &str) -> String {
    let last = name.split_whitespace().next_back().unwrap_or_default();
    last.trim_end_matches("'s").trim_end_matches('’').to_lowercase()
}

fn people(corpus: &Corpus, gold: &Article, s: &mut Scores) {
    let doc = &corpus.docs[0];
    let persons: Vec<&crate::corpus::Entity> =
        doc.entities.iter().filter(|e| e.kind == Some(EntityKind::Person)).collect();
    let surnames = |e: &crate::corpus::Entity| e.forms().map(surname).collect::<Vec<_>>();
    for p in &gold.people {
        let wanted: Vec<String> = std::iter::once(&p.name).chain(&p.aliases).map(|n| surname(n)).collect();
        // Matched by surname: any person of that surname may carry the role.
        let found: Vec<&&crate::corpus::Entity> =
            persons.iter().filter(|e| surnames(e).iter().any(|n| wanted.contains(n))).collect();
        s.people_recall.add(!found.is_empty());
        if found.is_empty() {
            s.problems.push(format!("person missed: {}", p.name));
        }
        let Some(role) = &p.role else { continue };
        let has_role = found.iter().any(|e| {
            e.roles.iter().any(|r| {
                let mine = doc.text[r.clone()].to_lowercase();
                role.all().iter().any(|g| {
                    let g = g.to_lowercase();
                    mine.contains(&g) || (mine.len() >= 4 && g.contains(&mine))
                })
            })
        });
        s.roles.add(has_role);
        if !has_role {
            s.problems.push(format!("role missed: {} ({:?})", p.name, role.all()));
        }
    }
    let gold_names: Vec<String> =
        gold.people.iter().flat_map(|p| std::iter::once(&p.name).chain(&p.aliases)).map(|n| surname(n)).collect();
    for e in &persons {
        let real = surnames(e).iter().any(|n| gold_names.contains(n));
        s.people_precision.add(real);
        if !real {
            s.problems.push(format!("not a gold person: {}", e.name));
        }
    }
}

/// An organisation found matches a gold one when one name holds the other as whole words
/// ("Medical Foundation" and "Medical Foundation for the Care of Victims of Torture"), in any
/// of the found one's forms ("WTO").
fn organisations(corpus: &Corpus, gold: &Article, s: &mut Scores) {
    let doc = &corpus.docs[0];
    let found: Vec<&crate::corpus::Entity> =
        doc.entities.iter().filter(|e| e.kind == Some(EntityKind::Organisation)).collect();
    let same = |e: &crate::corpus::Entity, g: &str| {
        let g = g.to_lowercase();
        e.forms().map(str::to_lowercase).any(|f| contains_word(&f, &g) || contains_word(&g, &f))
    };
    for g in &gold.orgs {
        let hit = found.iter().any(|e| same(e, g));
        s.organisations_recall.add(hit);
        if !hit {
            s.problems.push(format!("organisation missed: {g}"));
        }
    }
    for e in &found {
        let real = gold.orgs.iter().any(|g| same(e, g));
        s.organisations_precision.add(real);
        if !real {
            s.problems.push(format!("not a gold organisation: {}", e.name));
        }
    }
}

/// The numbers and number words of a value ("almost 85%" → ["85"]).
fn numbers(value: &str) -> Vec<String> {
    value
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()) || crate::words::numbers::is_number_word(w))
        .map(str::to_lowercase)
        .collect()
}

/// One value names the other: one holds the other, and the shorter keeps all the numbers.
fn same_value(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    contains_word(long, short) && numbers(long) == numbers(short)
}

fn values(corpus: &Corpus, gold: &Article, s: &mut Scores) {
    let doc = &corpus.docs[0];
    let all = facts::all(corpus);
    let found = |time: bool| -> Vec<&str> {
        all.iter().filter(|f| f.kind.is_time() == time).map(|f| &doc.text[f.span.clone()]).collect()
    };
    for (time, wanted, recall, precision, what) in [
        (false, &gold.amounts, &mut s.amounts_recall, &mut s.amounts_precision, "amount"),
        (true, &gold.dates, &mut s.dates_recall, &mut s.dates_precision, "date"),
    ] {
        let mine = found(time);
        for g in wanted {
            let hit = mine.iter().any(|m| same_value(m, g));
            recall.add(hit);
            if !hit {
                s.problems.push(format!("{what} missed: {g}"));
            }
        }
        for m in &mine {
            let hit = wanted.iter().any(|g| same_value(m, g));
            precision.add(hit);
            if !hit {
                s.problems.push(format!("not a gold {what}: {m}"));
            }
        }
    }
}

fn normalised(text: &str) -> String {
    crate::corpus::tokens::words(text, 0..text.len())
        .into_iter()
        .map(|w| text[w].to_lowercase().replace('’', "'"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn story_checks(engine: &Engine, checks: &Checks, s: &mut Scores) {
    let corpus = engine.corpus();
    for v in &checks.verify {
        let result = verify::verify(corpus, &v.claim).ok();
        let verdict = result.as_ref().map(|r| r.verdict.label().to_string());
        let ok = verdict.as_deref() == Some(v.expect_verdict.replace('_', " ").as_str())
            && v.expect_misattributed.is_none_or(|m| result.as_ref().is_some_and(|r| r.misattributed == m));
        let count = match v.case.as_str() {
            "exact" => &mut s.verify_exact,
            "altered" => &mut s.verify_altered,
            _ => &mut s.verify_misattributed,
        };
        count.add(ok);
        if !ok {
            s.problems.push(format!("verify {} failed: {}", v.case, v.claim));
        }
    }
    let Some(case) = &checks.whosaid else { return };
    let top = whosaid::whosaid(engine, &case.text).ok().and_then(|c| c.into_iter().next());
    let ok = top.is_some_and(|c| {
        let quote = normalised(engine.corpus().quote_text(c.quote));
        let speaker = c.quote.speaker.to_lowercase();
        quote.contains(&normalised(&case.gold_quote))
            && case.accept.iter().any(|a| contains_word(&speaker, &a.to_lowercase()))
    });
    s.whosaid.add(ok);
    if !ok {
        s.problems.push(format!("whosaid failed: {}", case.text));
    }
}
