//! The roles the text gives a named entity, as byte ranges of the file:
//! - a title or a kind of person right before the name ("Oracle CEO Larry Ellison", "referee
//!   Jonathan Kaplan", "Shadow Europe minister Mr Brady", "such screen stars as Michael
//!   Douglas");
//! - an apposition after it (", a former accountant,", ", UKIP's deputy leader,");
//! - an apposition before it, set off by a comma ("the festival's executive director, Craig
//!   Prater").
//!
//! A plural role goes to every name of the list it opens ("Goal-kickers Charlie Hodgson and Olly
//! Barkley"). A kind of person is a word WordNet files under people
//! ([`crate::words::person_nouns`]), so a verb or a place before a name is never a role.

use std::ops::Range;
use std::sync::LazyLock;

use regex::bytes::Regex;

use super::attribution::{Found, Speaker};
use super::gender::is_first_name;
use super::mention::Mention;
use super::names::{is_honorific, is_title, modifies_title, starts_capitalised};
use super::tokens::{is_owner, without_possessive, word_before, words};
use super::{Entity, EntityKind};
use crate::words::grammar::{CLAUSE_WORDS, DEFINITE, FUNCTION_WORDS, PARTICLES, PREPOSITIONS};
use crate::words::organisation_nouns::is_common_organisation_noun;
use crate::words::person_nouns::{is_person_noun, is_plural_person_noun};
use crate::words::speech::{SPEECH_VERBS, UNNAMED_SOURCES};

/// Longest apposition taken for a role.
const MAX_ROLE_CHARS: usize = 100;

/// Most words an apposition before a name may have after its head ("secretary to the
/// Treasury").
const MAX_COMPLEMENT_WORDS: usize = 5;

/// Words that open the complement of a role ("secretary to the Treasury", "predecessor as
/// Cabinet Secretary").
const COMPLEMENT_OPENERS: &[&str] = &["of", "to", "as", "at", "for", "in", "on"];

/// Where " in a statement" (or a letter, a report, an interview) starts in a role.
fn said_in(role: &str) -> Option<usize> {
    role.match_indices(" in a").find_map(|(i, _)| {
        let rest = role[i..].trim_start_matches(" in an ").trim_start_matches(" in a ");
        let noun = rest.split(' ').next().unwrap_or_default();
        (UNNAMED_SOURCES.contains(&noun) || noun == "interview").then_some(i)
    })
}

/// Verbs that make a phrase after a comma a clause rather than an apposition.
const FINITE_VERBS: &[&str] = &["is", "are", "was", "were", "has", "have", "had", "will", "would"];

/// Words that open a phrase before the subject of a sentence ("Like his father, …").
const OPENERS: &[&str] = &["like", "unlike", "as", "after", "before", "despite", "while", "when", "once"];

/// The roles the text gives each entity, in order of mention, without repeats.
pub(super) fn add_roles(text: &str, sentences: &[Range<usize>], entities: &mut [Entity], mentions: &[Mention]) {
    // The plural role a list of names opened, and where the last name of that list ends.
    let mut list: Option<(usize, Range<usize>)> = None;
    for m in mentions {
        let Some(sentence) = sentences.iter().find(|s| s.start <= m.span.start && m.span.end <= s.end) else {
            continue;
        };
        let mut roles = Vec::new();
        let listed = list.take().filter(|(end, _)| continues_list(text, *end, m.span.start)).map(|(_, role)| role);
        let before =
            title_before(text, sentence.start, m).or_else(|| title_and_complement_before(text, sentence.start, m));
        if let Some(role) = listed.filter(|_| before.is_none()) {
            roles.push(role.clone());
            list = Some((m.span.end, role));
        } else if let Some(role) = before.clone().or_else(|| fronted(text, sentence.start, m)) {
            if is_plural_person_noun(head_word(text, &role)) {
                list = Some((m.span.end, role.clone()));
            }
            roles.push(role);
        }
        // "the magazine's editor, Conservative MP Boris Johnson": the apposition before the
        // title is the person's too.
        if let Some(title) = before {
            let whole = Mention { span: title.start..m.span.end, entity: m.entity };
            roles.extend(fronted(text, sentence.start, &whole));
        }
        roles.extend(after(text, sentence.end, m, entities, mentions));
        let entity = &mut entities[m.entity];
        // "the managing director of the International Federation": a phrase ending in "of the"
        // names someone else's role in it, not its own.
        // "the Office for National Statistics (ONS)": another name of it, not a role.
        let forms: Vec<String> = entity.forms().map(str::to_string).collect();
        let named = |r: &Range<usize>| forms.iter().any(|f| *f == text[r.clone()]);
        for role in roles
            .into_iter()
            .filter(|r| !FUNCTION_WORDS.contains(&last_word(text, r).to_lowercase().as_str()) && !named(r))
        {
            if !entity.roles.iter().any(|r| text[r.clone()] == text[role.clone()]) {
                entity.roles.push(role);
            }
        }
    }
}

/// The head of a role: its last word before a complement ("dancers" in "16 principal dancers
/// at the Royal Ballet"), else its last word.
fn head_word<'t>(text: &'t str, role: &Range<usize>) -> &'t str {
    let ws = words(text, role.clone());
    let opens_complement = |w: &Range<usize>| COMPLEMENT_OPENERS.contains(&text[w.clone()].to_lowercase().as_str());
    match ws.windows(2).find(|pair| opens_complement(&pair[1])) {
        Some(pair) => &text[pair[0].clone()],
        None => last_word(text, role),
    }
}

/// A name of no known kind followed by an apposition that holds a title is a person's ("Kaha
/// Kiknavelidze, analyst at Troika Dialog,"), unless a preposition governs it ("in Gateshead,
/// the prime minister …"); so is one of two words or more right after a kind of person, or
/// after an apposition headed by a title. A name of no known kind described by a common noun
/// for an organisation, in an apposition or right before it, is an organisation's.
pub(super) fn kinds_by_description(text: &str, entities: &mut [Entity], mentions: &[Mention]) {
    for m in mentions {
        let entity = &entities[m.entity];
        if entity.kind.is_some() {
            continue;
        }
        let governed = text[..m.span.start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| PREPOSITIONS.contains(&w.to_lowercase().as_str()));
        let several_words = text[m.span.clone()].contains(' ');
        // "Viktor Pinchuk, son-in-law of former-President Kuchma,": so is a name of two words
        // or more whose apposition is headed by a kind of person.
        let titled_apposition = entity.roles.iter().any(|r| {
            let holds_title =
                words(text, r.clone()).iter().any(|w| is_title(&text[w.clone()]) && is_role_word(&text[w.clone()]));
            r.start > m.span.end
                && text[m.span.end..r.start].trim() == ","
                && (holds_title || (several_words && is_role_word(head_word(text, r))))
        });
        // "captain and goal-kicker Jonny Wilkinson": a kind of person right before a name of
        // two or more words (one word may be a company: "rival Oracle"); so is one of the
        // list of names a plural kind opens ("footballers Eric Cantona and Ole Gunnar
        // Solskjaer").
        let kind_before = several_words
            && entity.roles.iter().any(|r| {
                let head = last_word(text, r);
                (r.end + 1 == m.span.start && is_role_word(head))
                    || (r.end < m.span.start && is_plural_person_noun(head))
            });
        // "The head of that tribunal, Kostas Panagopoulos,": a name of two words or more
        // right after an apposition headed by a title (not any kind of person: "Its biggest
        // shareholder, Cubic Expression,").
        let titled_before =
            several_words && apposition_before(text, m.span.start).is_some_and(|r| is_title(head_word(text, &r)));
        if (titled_apposition && !governed) || kind_before || titled_before {
            entities[m.entity].kind = Some(EntityKind::Person);
        } else if (organisation_apposition(text, entity, m) || organisation_noun_before(text, m)) && !governed {
            entities[m.entity].kind = Some(EntityKind::Organisation);
        }
    }
}

/// "property business Lensworth", "club side Narbonne": a common noun for an organisation
/// (not for a person) right before a name names one.
/// Not a plural of capitals ("tech CEOs": kinds of people, not a name).
fn organisation_noun_before(text: &str, m: &Mention) -> bool {
    let before = word_before(text, m.span.start);
    let name = &text[m.span.clone()];
    let plural_capitals =
        name.strip_suffix('s').is_some_and(|n| n.len() > 1 && n.chars().all(|c| c.is_ascii_uppercase()));
    is_common_organisation_noun(before) && !plural_capitals
}

/// "Allianz, a leading German insurer,", "Munich Re, the world's largest reinsurance
/// company,": a name whose apposition, right after it, is headed by a common noun for an
/// organisation (and not for a person) names one ("Ancient Egypt, the British Empire," is a
/// list).
fn organisation_apposition(text: &str, entity: &Entity, m: &Mention) -> bool {
    entity.roles.iter().any(|r| {
        let head = head_word(text, r);
        r.start > m.span.end && text[m.span.end..r.start].trim() == "," && is_common_organisation_noun(head)
    })
}

/// The phrase from the start of its sentence or clause to a comma right before `at`.
fn apposition_before(text: &str, at: usize) -> Option<Range<usize>> {
    let comma = at.checked_sub(2).filter(|&c| text.get(c..at) == Some(", "))?;
    let stop = ['.', '!', '?', '"', '“', '”', ',', ';', ':', '\n'];
    let start = text[..comma].char_indices().rfind(|(_, c)| stop.contains(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let phrase = text[start..comma].trim_start();
    let start = comma - phrase.len();
    (phrase.split_whitespace().count() <= 6 && !phrase.is_empty()).then_some(start..comma)
}

/// "…," the Salford MP told the committee, read as Hazel Blears: the role phrase that named a
/// speaker the story had named before is a role of theirs, when the text gives them none (a
/// role read off an attribution is only as sure as the attribution; the text's own come
/// first).
pub(super) fn add_cued_roles(text: &str, found: &[Found], entities: &mut [Entity]) {
    for f in found {
        let (Some(Speaker::Entity(e)), Some(cue)) = (&f.speaker, &f.cue) else {
            continue;
        };
        let ws = words(text, cue.clone());
        let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
            continue;
        };
        if ws.len() < 2 || !text[first.clone()].eq_ignore_ascii_case("the") || !is_role_word(&text[last.clone()]) {
            continue;
        }
        let entity = &mut entities[*e];
        if entity.roles.is_empty() {
            entity.roles.push(ws[1].start..last.end);
        }
    }
}

/// A title, or a kind of person in lower case, names the role: not "Mr", and not a capitalised
/// word that WordNet also files under people ("Oracle", "Amazon" are companies here).
fn is_role_word(word: &str) -> bool {
    (is_title(word) && !is_honorific(word)) || (!starts_capitalised(word) && is_person_noun(word))
}

/// A word in lower case that can stand before a noun as a noun of its own ("triple" jumper,
/// "javelin" thrower, "insurance" analyst): no function word, and no verb or adverb as its
/// ending or an irregular verb form shows ("appointed", "according", "then", "told").
fn is_noun_modifier(word: &str) -> bool {
    let lower = word.to_lowercase();
    word.chars().all(|c| c.is_lowercase())
        && lower.len() > 2
        && !FUNCTION_WORDS.contains(&lower.as_str())
        && !CLAUSE_WORDS.contains(&lower.as_str())
        && !PREPOSITIONS.contains(&lower.as_str())
        && !PARTICLES.contains(&lower.as_str())
        && !SPEECH_VERBS.contains(&lower.as_str())
        && !["ed", "ing", "ly"].iter().any(|end| lower.ends_with(end))
        && crate::words::irregular_forms::base_of(&lower).is_none()
}

/// A kind of person that is not also a first name ("Goal-kickers", not "Tom"): before a name
/// that starts with a first name, it is a role even when capitalised.
pub(super) fn is_kind_not_name(word: &str) -> bool {
    is_person_noun(word) && !is_first_name(word)
}

/// A word that may stand before the head of a role and belong to it ("the festival's
/// executive", "Mr Glazer's two", "Sunday Telegraph").
fn qualifies(text: &str, w: &Range<usize>) -> bool {
    let (word, lower) = (&text[w.clone()], text[w.clone()].to_lowercase());
    is_role_word(word)
        || modifies_title(word)
        || without_possessive(text, w.clone()) != *w
        || lower.chars().all(|c| c.is_ascii_digit())
        || crate::words::numbers::is_number_word(&lower)
        || (starts_capitalised(word) && !FUNCTION_WORDS.contains(&lower.as_str()))
}

/// "the magazine's editor, Conservative MP Boris Johnson": the name is the holder of the title
/// of the name after it, and an apposition before the phrase is that person's, not its.
fn holds_a_title_before_a_name(text: &str, m: &Mention) -> bool {
    let mut next = text[m.span.end..].split_whitespace();
    let (title, name) = (next.next().unwrap_or_default(), next.next().unwrap_or_default());
    is_role_word(title) && starts_capitalised(name)
}

/// Where the name of a mention starts, with the honorific right before it that the mention
/// leaves out (", Lord Armstrong", "minister Mr Brady").
fn name_start(text: &str, sentence_start: usize, m: &Mention) -> usize {
    let before = words(text, sentence_start..m.span.start);
    let honorific = before.last().filter(|w| {
        w.end + 1 == m.span.start && is_honorific(&text[(*w).clone()]) && starts_capitalised(&text[(*w).clone()])
    });
    honorific.map_or(m.span.start, |w| w.start)
}

fn last_word<'t>(text: &'t str, span: &Range<usize>) -> &'t str {
    words(text, span.clone()).last().map_or("", |w| &text[w.clone()])
}

/// Whether the text between the end of one name and the start of the next joins them in a
/// list (", " or " and ").
fn continues_list(text: &str, end: usize, start: usize) -> bool {
    end <= start && matches!(&text[end..start], ", " | " and " | ", and ")
}

/// Whether a list of names follows the one at `end` (" and Olly Barkley").
fn list_follows(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    [" and ", ", "].iter().any(|joint| rest.strip_prefix(joint).is_some_and(|r| r.starts_with(char::is_uppercase)))
}

/// The role right before a mention, without a comma: a title or kind of person and the
/// capitalised words and title words before it ("Sunday Telegraph journalist", "former
/// England full-back"). An honorific between role and name is skipped ("minister Mr Brady"),
/// and so is "as" after a plural ("such Hollywood directors as Oliver Stone"). A plural role
/// needs a list of names or that "as": "told reporters Mr Blair had" gives no role.
fn title_before(text: &str, sentence_start: usize, m: &Mention) -> Option<Range<usize>> {
    let mut next_start = name_start(text, sentence_start, m);
    let before = joined_words_before(text, sentence_start, next_start);
    let (mut first, mut head): (Option<usize>, Option<Range<usize>>) = (None, None);
    let mut after_as = false;
    for (k, w) in before.iter().enumerate().rev() {
        let word = &text[w.clone()];
        let plural_before = k > 0 && is_plural_person_noun(&text[before[k - 1].clone()]);
        if head.is_none() && !after_as && word == "as" && plural_before {
            after_as = true;
            next_start = w.start;
            continue;
        }
        // Right before a name that starts with a first name, a capitalised kind of person is
        // a role too ("Goal-kickers Charlie Hodgson").
        let role = is_role_word(word) || (head.is_none() && next_start == m.span.start && is_kind_not_name(word));
        let lower = word.to_lowercase();
        // "ex-UKIP MEP": a former role's prefix belongs to it.
        // "triple jumper", "oil giant": one noun right before the head makes a compound.
        let compound = head.as_ref().is_some_and(|h| h.start == next_start && !starts_capitalised(&text[h.clone()]))
            && is_noun_modifier(word);
        let modifier = head.is_some()
            && (compound
                || modifies_title(word)
                || lower.starts_with("ex-")
                || (starts_capitalised(word) && !FUNCTION_WORDS.contains(&lower.as_str())));
        // "Royal Bank of Scotland chief executive": "of" or "for" between capitalised words
        // inside the organisation that holds the title.
        let capitalised = |j: usize| before.get(j).is_some_and(|w| starts_capitalised(&text[w.clone()]));
        let inside_name = head.is_some()
            && matches!(lower.as_str(), "of" | "for")
            && k > 0
            && capitalised(k - 1)
            && capitalised(k + 1);
        if !(role || modifier || inside_name) {
            break;
        }
        head.get_or_insert(w.clone());
        first = Some(w.start);
        next_start = w.start;
    }
    let (first, head) = (first?, head?);
    if is_plural_person_noun(&text[head.clone()]) && !after_as && !list_follows(text, m.span.end) {
        return None;
    }
    Some(first..head.end)
}

/// A title with its complement right before the name, without a comma ("director of telecoms
/// research Tony Lavender", "head of global research Anna Lee"): at most
/// [`MAX_COMPLEMENT_WORDS`] words after the opener, none a verb or a clause word.
fn title_and_complement_before(text: &str, sentence_start: usize, m: &Mention) -> Option<Range<usize>> {
    let joined = joined_words_before(text, sentence_start, name_start(text, sentence_start, m));
    let lower: Vec<String> = joined.iter().map(|w| text[w.clone()].to_lowercase()).collect();
    let last = joined.len().checked_sub(1)?;
    let opener = (1..last)
        .rev()
        .take(MAX_COMPLEMENT_WORDS)
        .find(|&k| COMPLEMENT_OPENERS.contains(&lower[k].as_str()) && is_role_word(&text[joined[k - 1].clone()]))?;
    let complement = &lower[opener + 1..];
    if complement.iter().any(|w| {
        SPEECH_VERBS.contains(&w.as_str())
            || CLAUSE_WORDS.contains(&w.as_str())
            || COMPLEMENT_OPENERS.contains(&w.as_str())
    }) {
        return None;
    }
    let mut start = opener - 1;
    while start > 0 && qualifies(text, &joined[start - 1]) {
        start -= 1;
    }
    let role = joined[start].start..joined[last].end;
    (text[role.clone()].chars().count() <= MAX_ROLE_CHARS).then_some(role)
}

/// The words right before `end`, each one space from the next: the phrase a role before a
/// name can be read from (a comma or any other mark ends it).
fn joined_words_before(text: &str, sentence_start: usize, end: usize) -> Vec<Range<usize>> {
    let all = words(text, sentence_start..end);
    let mut next_start = end;
    let joined = all.iter().rev().take_while(|w| {
        let joined = w.end + 1 == next_start && &text[w.end..next_start] == " ";
        next_start = w.start;
        joined
    });
    let from = all.len() - joined.count();
    all[from..].to_vec()
}

/// An apposition before a name, set off by a comma ("its founder, Mikhail Khodorkovsky",
/// "shadow chief secretary to the Treasury, George Osborne"): a title or kind of person, the
/// words that qualify it before, and a complement after it that opens with a preposition. Not
/// after an opening phrase ("Speaking to reporters, Blair said").
fn fronted(text: &str, sentence_start: usize, m: &Mention) -> Option<Range<usize>> {
    if holds_a_title_before_a_name(text, m) {
        return None;
    }
    let name = name_start(text, sentence_start, m);
    let comma = [", ", " - ", " – ", " — "]
        .iter()
        .find_map(|sep| text[sentence_start..name].strip_suffix(sep))
        .map(|before| sentence_start + before.len())?;
    let clause_start = text[sentence_start..comma]
        .char_indices()
        .rfind(|(_, c)| [',', ';', ':', '—', '–', '(', '“', '"'].contains(c))
        .map_or(sentence_start, |(i, c)| sentence_start + i + c.len_utf8());
    let ws = words(text, clause_start..comma);
    let lower: Vec<String> = ws.iter().map(|w| text[w.clone()].to_lowercase()).collect();
    let head = (0..ws.len()).rev().take(MAX_COMPLEMENT_WORDS + 1).find(|&k| is_role_word(&text[ws[k].clone()]))?;
    let complement = &lower[head + 1..];
    if complement.first().is_some_and(|w| !COMPLEMENT_OPENERS.contains(&w.as_str()))
        || complement.iter().any(|w| SPEECH_VERBS.contains(&w.as_str()) || CLAUSE_WORDS.contains(&w.as_str()))
    {
        return None;
    }
    let qualified_from = |head: usize| {
        let mut start = head;
        while start > 0 && qualifies(text, &ws[start - 1]) {
            start -= 1;
        }
        start
    };
    let (mut head, mut start) = (head, qualified_from(head));
    // "predecessor as Cabinet Secretary": the head is the role the complement qualifies.
    while start >= 2
        && COMPLEMENT_OPENERS.contains(&lower[start - 1].as_str())
        && is_role_word(&text[ws[start - 2].clone()])
    {
        head = start - 2;
        start = qualified_from(head);
    }
    let opener = lower[..start].iter().rev().find(|w| !DEFINITE.contains(&w.as_str()));
    // "Speaking to …", "Flanked by …", "Like his father, …": a phrase opening the sentence.
    let opening_phrase = lower.first().is_some_and(|w| {
        w.ends_with("ing") || w.ends_with("ed") || PREPOSITIONS.contains(&w.as_str()) || OPENERS.contains(&w.as_str())
    });
    if opening_phrase && opener.is_some() || (is_plural_person_noun(&lower[head]) && !list_follows(text, m.span.end)) {
        return None;
    }
    let role = ws[start].start..ws.last()?.end;
    (text[role.clone()].chars().count() <= MAX_ROLE_CHARS).then_some(role)
}

// Appositions after a name: "(Apple)", ", who—I remind you—is a White House advisor",
// ", a former accountant,", ", who chairs the transport committee,". Byte patterns with ASCII
// classes, matched on the text's bytes: every process that loads a corpus builds them, and
// Unicode classes took most of that time. Their matches end before an ASCII mark, a dash or
// the end, so on a character boundary. Unbounded repeats: the length is checked after.
static AFTER: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"^\s*\(((?:[A-Z]|\xC3[\x80-\x9E])[^()]*)\)".to_string(),
        format!(r"^,\s*who\s*(?:{DASH}|--){NOT_DASH}*(?:{DASH}|--)\s*(?:is|was)\s+((?:a|an|the)\s{NOT_STOP}+?)\s*(?:[,.;:]|{DASH}|$)"),
        format!(r"^,\s*who\s+(?:is|was)\s+((?:a|an|the)\s{NOT_STOP}+?)\s*(?:[,.;:]|{DASH}|$)"),
        format!(r"^,\s*(?:[0-9]+,\s*)?((?:a|an|the)\s{NOT_STOP}+?)\s*(?:,|\.|;|$)"),
        format!(r"^,\s*(who\s{NOT_STOP}+?)\s*,"),
    ]
    .iter()
    .filter_map(|p| Regex::new(&format!("(?-u){p}")).ok())
    .collect()
});

/// A bare apposition, after an age if one is given (", 58, MP for Wantage,"), ending at a
/// comma, a stop, a bracket or the speech verb after it (", Plaid Cymru health spokesman
/// said").
static BARE_AFTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"(?-u)^,\s*(?:[0-9]+,\s*)?({NOT_STOP_OR_QUOTE}+?)(?:\s*(?:[,.;:(]|$)|\s+(?:said|says|told|added|adds|warned|insisted)\b)"#
    ))
    .ok()
});

/// "—" or "–" in UTF-8.
const DASH: &str = r"\xE2\x80[\x93\x94]";
/// A character that is not "—" or "–", byte by byte (both are E2 80 9x).
const NOT_DASH: &str = r"(?:[^\xE2]|\xE2(?:[^\x80]|\x80[^\x93\x94]))";
/// A character that is none of , . ; : ( ) — – “ ” (the last four are E2 80 9x).
const NOT_STOP: &str = r"(?:[^,.;:()\xE2]|\xE2(?:[^\x80]|\x80[^\x93\x94\x9C\x9D]))";
/// The same, nor a straight double quote.
const NOT_STOP_OR_QUOTE: &str = r#"(?:[^,.;:()"\xE2]|\xE2(?:[^\x80]|\x80[^\x93\x94\x9C\x9D]))"#;

/// The apposition right after a mention. A bare one is a role when it holds a title or a kind
/// of person and names no other person (", Gordon Brown and the chancellor" is a list).
fn after(
    text: &str,
    sentence_end: usize,
    m: &Mention,
    entities: &[Entity],
    mentions: &[Mention],
) -> Option<Range<usize>> {
    let rest = &text[m.span.end..sentence_end];
    let matched = |re: &Regex| re.captures(rest.as_bytes()).and_then(|c| c.get(1)).map(|g| g.range());
    let group = AFTER.iter().find_map(matched).or_else(|| {
        let range = BARE_AFTER.as_ref().and_then(matched)?;
        let span = m.span.end + range.start..m.span.end + range.end;
        let group = rest.get(range.clone())?;
        let has_role = group.split([' ', '-']).any(is_role_word);
        // ", aides said," and ", friends say,": a source of the sentence, not an apposition.
        let plural = is_plural_person_noun(group.rsplit(' ').next().unwrap_or_default());
        // ", and SoftBank CEO Masayoshi Son": the next item of a list, not an apposition.
        let listed = ["and ", "or ", "but ", "while "].iter().any(|c| group.starts_with(c));
        // An owner is not a second person (", Christian Aid's head of Trade Policy,"); a name
        // right after a role is the next item of a list ("Sony, rival Microsoft and Nintendo").
        let inside = &mentions[mentions.partition_point(|o| o.span.start < span.start)..];
        let names_another = inside.iter().take_while(|o| o.span.start < span.end).any(|o| {
            let owner = is_owner(text, o.span.end);
            let after_role = words(text, span.start..o.span.start)
                .last()
                .is_some_and(|w| w.end + 1 == o.span.start && is_role_word(&text[w.clone()]));
            after_role || (!owner && entities[o.entity].kind == Some(EntityKind::Person))
        });
        (has_role && !listed && !names_another && !plural).then_some(range)
    })?;
    let mut span = m.span.end + group.start..m.span.end + group.end;
    let role = text.get(span.clone())?;
    // ", a 5-time pro bowler who was the NFL's sack leader": the role is the noun phrase; a
    // relative clause after it describes rather than names (one that is the whole apposition,
    // ", who runs a dance school,", is kept as it stands).
    if let Some(cut) = [" who ", " which "].iter().filter_map(|r| role.find(r)).min() {
        span.end = span.start + cut;
    }
    // ", who is UKIP Scotland chairman,": a relative clause that only says what someone is
    // names the role after its verb; ", who was seated at a table," names none.
    let copula = ["who is ", "who was ", "who has been ", "who had been "].into_iter().find(|c| role.starts_with(c));
    if let Some(copula) = copula {
        span.start += copula.len();
        if !text[span.clone()].split([' ', '-']).any(is_role_word) {
            return None;
        }
    }
    // "said Paul Boateng, chief secretary to the Treasury in a statement": where it was said.
    if let Some(cut) = said_in(&text[span.clone()]) {
        span.end = span.start + cut;
    }
    let role = text.get(span.clone())?;
    // "Credit Bank of Iraq, the Jordanian investment bank Export & Finance Bank has bought
    // 49% of …": a clause of its own, not an apposition.
    let clause = !role.starts_with("who ") && role.split(' ').any(|w| FINITE_VERBS.contains(&w));
    (role.chars().count() <= MAX_ROLE_CHARS && !clause).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::super::names::find;
    use super::{AFTER, BARE_AFTER};

    /// Each person found with the roles the text gives them.
    fn roles(text: &str) -> Vec<(String, Vec<String>)> {
        let sentences: Vec<_> =
            super::super::segment::split_sentences(text, 0..text.len()).into_iter().map(|s| s.span).collect();
        let (entities, _) = find(text, &sentences, Vec::new());
        entities.into_iter().map(|e| (e.name, e.roles.iter().map(|r| text[r.clone()].to_string()).collect())).collect()
    }

    fn roles_of(text: &str, name: &str) -> Vec<String> {
        roles(text).into_iter().find(|(n, _)| n == name).map(|(_, r)| r).unwrap_or_default()
    }

    #[test]
    fn a_noun_right_before_a_kind_of_person_belongs_to_the_role_and_a_verb_or_particle_does_not() {
        let text = "The job went to former British triple jumper Keith Connor. Collins worked with javelin \
                    thrower Steve Backley. Critics appointed coach Ann Lee. Sideways knocked out favourite Tom Hart.";
        assert_eq!(roles_of(text, "Keith Connor"), ["former British triple jumper"]);
        assert_eq!(roles_of(text, "Steve Backley"), ["javelin thrower"]);
        assert_eq!(roles_of(text, "Ann Lee"), ["coach"]);
        assert_eq!(roles_of(text, "Tom Hart"), ["favourite"]);
    }

    #[test]
    fn a_kind_of_person_before_a_name_is_a_role_and_a_verb_is_not() {
        let text = "England coach Andy Robinson lambasted referee Jonathan Kaplan. It was, said Ross Walker.";
        assert_eq!(roles_of(text, "Jonathan Kaplan"), ["referee"]);
        assert_eq!(roles_of(text, "Andy Robinson"), ["England coach"]);
        assert!(roles_of(text, "Ross Walker").is_empty());
    }

    #[test]
    fn every_apposition_pattern_builds_and_reads_dashes_and_curly_quotes() {
        assert_eq!(AFTER.len(), 5);
        assert!(BARE_AFTER.is_some());
        assert_eq!(
            roles_of(
                "Critics spoke. Tom Becker, who—I remind you—is a White House adviser, left. Becker smiled.",
                "Tom Becker"
            ),
            ["a White House adviser"]
        );
        assert_eq!(roles_of("Ann Lee (Élysée aide) left. Lee smiled.", "Ann Lee"), ["Élysée aide"]);
    }

    #[test]
    fn a_relative_clause_saying_what_someone_is_names_the_role_after_its_verb_and_one_saying_how_names_none() {
        let text =
            "Peter Nielson, who is UKIP Scotland chairman, spoke. Ann Ferrero, who was upset to be dropped, left.";
        assert_eq!(roles_of(text, "Peter Nielson"), ["UKIP Scotland chairman"]);
        assert!(roles_of(text, "Ann Ferrero").is_empty());
    }

    #[test]
    fn a_title_with_its_complement_right_before_a_name_is_a_role() {
        assert_eq!(
            roles_of("\"It starts now,\" director of telecoms research Tony Lavender said.", "Tony Lavender"),
            ["director of telecoms research"]
        );
        assert_eq!(roles_of("They met head of global research Anna Lee.", "Anna Lee"), ["head of global research"]);
        assert!(roles_of("He spoke to a crowd of supporters Tony Lavender.", "Tony Lavender").is_empty());
    }

    #[test]
    fn a_role_ending_in_of_the_is_someone_elses_not_the_organisations() {
        let text = "Anne Weyman, chief executive of the Family Planning Association, said it was wrong.";
        assert_eq!(roles_of(text, "Family Planning Association"), Vec::<String>::new());
        assert_eq!(roles_of(text, "Anne Weyman"), ["chief executive of the Family Planning Association"]);
    }

    #[test]
    fn an_honorific_between_the_role_and_the_name_is_skipped() {
        let text = "Earlier that day Shadow Europe minister Mr Graham Brady said it.";
        assert_eq!(roles_of(text, "Graham Brady"), ["Shadow Europe minister"]);
    }

    #[test]
    fn a_plural_role_goes_to_every_name_of_its_list_and_needs_one() {
        let text = "Goal-kickers Charlie Hodgson and Olly Barkley missed. The film drew such screen stars \
                    as Michael Douglas, Jeremy Irons and Jean-Claude Van Damme. He told reporters Tony Blair \
                    had won.";
        assert_eq!(roles_of(text, "Olly Barkley"), ["Goal-kickers"]);
        assert_eq!(roles_of(text, "Charlie Hodgson"), ["Goal-kickers"]);
        assert_eq!(roles_of(text, "Jeremy Irons"), ["screen stars"]);
        assert_eq!(roles_of(text, "Jean-Claude Van Damme"), ["screen stars"]);
        assert!(roles_of(text, "Tony Blair").is_empty());
    }

    #[test]
    fn a_bare_apposition_after_a_name_is_a_role_when_it_holds_one() {
        let text = "Mike Nattrass, UKIP's deputy leader, spoke. Rhodri Glyn Thomas, Plaid Cymru health \
                    spokesman said it. Gordon Brown, Tony Blair and others came. Tom Smith, speaking in \
                    Leeds, agreed.";
        assert_eq!(roles_of(text, "Mike Nattrass"), ["UKIP's deputy leader"]);
        assert_eq!(roles_of(text, "Rhodri Glyn Thomas"), ["Plaid Cymru health spokesman"]);
        assert!(roles_of(text, "Gordon Brown").is_empty());
        assert!(roles_of(text, "Tom Smith").is_empty());
    }

    #[test]
    fn an_apposition_ends_before_its_relative_clause_and_a_clause_after_a_comma_is_no_role() {
        let text = "Jared Allen, a former defender who was the league leader, retired. Tom Smith, who runs a \
                    school, agreed. Ann Lee spoke to Mark Jones, the new chief executive Sue Bell has hired.";
        assert_eq!(roles_of(text, "Jared Allen"), ["a former defender"]);
        assert_eq!(roles_of(text, "Tom Smith"), ["who runs a school"]);
        assert!(roles_of(text, "Mark Jones").is_empty(), "{:?}", roles(text));
    }

    #[test]
    fn where_something_was_said_is_no_part_of_the_role() {
        let text = "\"Growth is strong,\" said Paul Boateng, chief secretary to the Treasury in a statement.";
        assert_eq!(roles_of(text, "Paul Boateng"), ["chief secretary to the Treasury"]);
    }

    #[test]
    fn a_name_no_first_name_list_knows_is_a_person_after_a_kind_of_person() {
        let text = "England play without captain and goal-kicker Jonny Wilkinson today.";
        let sentences: Vec<_> =
            super::super::segment::split_sentences(text, 0..text.len()).into_iter().map(|s| s.span).collect();
        let (entities, _) = find(text, &sentences, Vec::new());
        let wilkinson = entities.iter().find(|e| e.name == "Jonny Wilkinson");
        assert_eq!(wilkinson.and_then(|e| e.kind.clone()), Some(super::super::EntityKind::Person), "{entities:?}");
    }

    #[test]
    fn a_company_listed_after_another_with_its_own_role_gives_it_none() {
        let text = "Prices fell as Sony, rival Microsoft and Nintendo cut them.";
        assert!(roles_of(text, "Sony").is_empty(), "{:?}", roles(text));
        assert_eq!(roles_of(text, "Microsoft"), ["rival"]);
    }

    #[test]
    fn a_source_set_off_by_commas_or_a_phrase_opening_the_sentence_is_no_role() {
        let text = "Gordon Brown, aides said, was furious. Flanked by his wife, Tony Blair arrived. Like his \
                    father, John Smith stayed.";
        for name in ["Gordon Brown", "Tony Blair", "John Smith"] {
            assert!(roles_of(text, name).is_empty(), "{name}: {:?}", roles(text));
        }
    }

    #[test]
    fn a_separator_at_the_start_of_a_sentence_is_read_without_panicking() {
        for text in ["https://t.co/x, Tony Blair said it.", "https://t.co/x - Tony Blair said it."] {
            assert!(roles_of(text, "Tony Blair").is_empty(), "{text}");
        }
    }

    #[test]
    fn an_apposition_before_a_name_is_a_role_but_an_opening_phrase_is_not() {
        let text = "Responding to the speech, shadow chief secretary to the Treasury, George Osborne, said \
                    no. It was backed by his predecessor as Cabinet Secretary, Lord Armstrong. Speaking to \
                    the chairman, Tom Smith said no.";
        assert_eq!(roles_of(text, "George Osborne"), ["shadow chief secretary to the Treasury"]);
        assert_eq!(roles_of(text, "Armstrong"), ["predecessor as Cabinet Secretary"]);
        assert!(roles_of(text, "Tom Smith").is_empty());
        let held = "It was conducted by the magazine's editor, Conservative MP Boris Johnson.";
        assert!(roles_of(held, "Conservative").is_empty(), "the editor is Johnson, not the party");
        assert_eq!(roles_of(held, "Boris Johnson"), ["Conservative MP", "magazine's editor"]);
    }

    #[test]
    fn a_plural_role_with_a_complement_set_off_by_dashes_goes_to_every_name_of_its_list() {
        let text = "Only two of 16 principal dancers at the Royal Ballet - Darcey Bussell and Jonathan Cope - \
                    are British.";
        assert_eq!(roles_of(text, "Jonathan Cope"), ["16 principal dancers at the Royal Ballet"]);
    }
}
