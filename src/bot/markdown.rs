//! Discord Markdown: escaping untrusted text, and cutting text to Discord's limits.
//!
//! Both the corpus and users' questions are shown back in Discord, so every such text is
//! escaped: Markdown characters get a backslash (Discord hides it), and mention syntax is
//! broken up so that nothing can even look like a ping. Allowed mentions are empty on every
//! message as well; escaping is the second lock, not the only one.

/// Characters Discord Markdown gives a meaning to; a backslash before each shows it as is.
const SPECIAL: &[char] = &['\\', '*', '_', '~', '`', '|', '>', '#', '-', '[', ']', '(', ')', '<', ':', '@'];

/// Zero-width space: placed after `@` so `@everyone` and `@here` cannot be read as mentions.
const ZWSP: char = '\u{200B}';

/// Escapes `text` for display in a Discord message or embed.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
        if c == '@' {
            out.push(ZWSP);
        }
    }
    out
}

/// Reverses [`escape`].
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|n| SPECIAL.contains(n)) => {
                let n = chars.next().unwrap_or('\\');
                out.push(n);
                if n == '@' && chars.peek() == Some(&ZWSP) {
                    chars.next();
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Cuts `text` to at most `max` characters, ending with `…` when cut. Never splits a
/// character, and never leaves a lone trailing backslash that would escape the ellipsis.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let trailing = cut.chars().rev().take_while(|&c| c == '\\').count();
    if trailing % 2 == 1 {
        cut.pop();
    }
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_mentions_are_neutralised() {
        let shown = escape("**bold** @everyone <@123> <@&9> [link](http://x) `code`");
        assert!(!shown.contains("@everyone") && !shown.contains("<@"));
        assert!(!shown.contains("**") && !shown.contains("]("));
        assert_eq!(unescape(&shown), "**bold** @everyone <@123> <@&9> [link](http://x) `code`");
    }

    #[test]
    fn story_text_round_trips() {
        let text = "put [America] first.” — co-founders (Apple), X—the platform $44 billion…";
        assert_eq!(unescape(&escape(text)), text);
    }

    #[test]
    fn truncation_counts_characters_and_marks_the_cut() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("“€€€€”", 4), "“€€…");
        assert_eq!(truncate("ab\\*", 4), "ab\\*");
        assert_eq!(truncate("a\\*bc", 3), "a…", "a cut escape is dropped whole");
    }
}
