//! Cleaning a question before it is split into words.
//!
//! Text pasted from chat carries invisible characters and markup that are not words: a
//! zero-width space inside "Soft\u{200B}Bank" would split it in two, a decomposed accent
//! would end a word, and the digits of a Discord mention would count as an unknown word that
//! no sentence covers.

use unicode_normalization::UnicodeNormalization;

/// Invisible formatting characters: zero-width spaces and joiners, direction marks and
/// overrides, word joiners, the byte-order mark and the soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// The question in composed form, without invisible characters, with Discord mention markup
/// (`<@123>`, `<@!123>`, `<@&123>`, `<#123>`, `@everyone`, `@here`) replaced by a space.
pub fn normalise(question: &str) -> String {
    let composed: String = question.nfc().filter(|&c| !is_invisible(c)).collect();
    let composed = composed.replace("@everyone", " ").replace("@here", " ");
    let mut out = String::with_capacity(composed.len());
    let mut rest = composed.as_str();
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        match mention_len(tail) {
            Some(len) => {
                out.push(' ');
                rest = &tail[len..];
            }
            None => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Length in bytes of the mention markup `text` starts with, if it starts with one.
fn mention_len(text: &str) -> Option<usize> {
    let body = ["<@!", "<@&", "<@", "<#"].iter().find_map(|p| text.strip_prefix(p))?;
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && body[digits..].starts_with('>')).then(|| text.len() - body.len() + digits + 1)
}

#[cfg(test)]
mod tests {
    use super::normalise;

    #[test]
    fn invisible_characters_are_removed_and_accents_composed() {
        assert_eq!(normalise("Soft\u{200B}Bank\u{202E}"), "SoftBank");
        assert_eq!(normalise("Mu\u{301}sk"), "M\u{fa}sk");
    }

    #[test]
    fn discord_mentions_become_spaces_and_other_angle_brackets_stay() {
        assert_eq!(normalise("<@123>who <@!4> <@&5> <#6>runs it"), " who      runs it");
        assert_eq!(normalise("a <@x> <b> <@12"), "a <@x> <b> <@12");
        assert_eq!(normalise("@everyone who is here?@here"), "  who is here? ");
    }
}
