//! Entity aliases from the corpus: a question naming one form also searches for the others.

use crate::corpus::Corpus;

/// One entity's names, each as a sequence of lowercase words.
#[derive(Debug, Clone)]
struct Group {
    forms: Vec<Form>,
}

#[derive(Debug, Clone)]
struct Form {
    words: Vec<String>,
    /// The words' stems, ready to search for.
    stems: Vec<String>,
    /// Very short names ("X") only count when written exactly so, not as the letter x.
    exact_case: Option<String>,
    /// An acronym ("WTO"): it stands for its long form, but the long form's words ("world",
    /// "trade") each alone do not stand for it.
    acronym: bool,
}

#[derive(Debug, Clone, Default)]
pub struct AliasTable {
    groups: Vec<Group>,
}

impl AliasTable {
    pub fn from_corpus(corpus: &Corpus) -> AliasTable {
        let mut analyzer = crate::index::analyzer();
        let groups = corpus
            .alias_groups()
            .map(|forms| Group {
                forms: forms
                    .into_iter()
                    .map(|f| {
                        let words: Vec<String> = crate::index::words(f).into_iter().map(|w| w.to_lowercase()).collect();
                        let stems = words.iter().filter_map(|w| super::stem(&mut analyzer, w)).collect();
                        let acronym = words.len() == 1
                            && f.chars().count() >= 2
                            && f.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
                        Form { words, stems, exact_case: (f.chars().count() <= 2).then(|| f.to_string()), acronym }
                    })
                    .filter(|f| !f.words.is_empty())
                    .collect(),
            })
            .collect();
        AliasTable { groups }
    }

    /// For each place a question names an entity: the position of the name's first word and
    /// the stems of the entity's other names.
    pub fn expansions<'a>(&'a self, surface: &[&str], lower: &[String]) -> Vec<(usize, Vec<&'a str>)> {
        let mut out = Vec::new();
        for group in &self.groups {
            for (f, form) in group.forms.iter().enumerate() {
                for position in (0..lower.len()).filter(|&i| form.matches(surface, lower, i)) {
                    let words: Vec<&str> = group
                        .forms
                        .iter()
                        .enumerate()
                        .filter(|&(other, o)| other != f && !(form.acronym && o.words.len() > 1))
                        .flat_map(|(_, other)| other.stems.iter().map(String::as_str))
                        .collect();
                    out.push((position, words));
                }
            }
        }
        out
    }
}

impl AliasTable {
    /// The stems of the other forms of every group with a one-word form whose stem is `stem`
    /// (used after a misspelt word has been corrected).
    pub fn for_word<'a>(&'a self, stem: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let is_it = move |f: &Form| f.exact_case.is_none() && f.stems.len() == 1 && f.stems[0] == stem;
        self.groups
            .iter()
            .filter(move |g| g.forms.iter().any(is_it))
            .flat_map(move |g| g.forms.iter().filter(move |f| !is_it(f)))
            .flat_map(|f| f.stems.iter().map(String::as_str))
    }
}

impl Form {
    fn matches(&self, surface: &[&str], lower: &[String], at: usize) -> bool {
        if let Some(exact) = &self.exact_case {
            return surface.get(at) == Some(&exact.as_str());
        }
        lower.len() >= at + self.words.len() && lower[at..at + self.words.len()] == self.words[..]
    }
}

#[cfg(test)]
mod tests {
    use super::AliasTable;
    use crate::corpus::Corpus;

    fn expanded(table: &AliasTable, question: &str) -> Vec<String> {
        let surface: Vec<&str> = question.split(' ').collect();
        let lower: Vec<String> = surface.iter().map(|w| w.to_lowercase()).collect();
        table.expansions(&surface, &lower).into_iter().flat_map(|(_, stems)| stems).map(str::to_string).collect()
    }

    #[test]
    fn a_long_name_finds_its_acronym_but_an_acronym_does_not_search_for_each_word_of_the_name() {
        let corpus = Corpus::of_story("The World Trade Organisation (WTO) ends quotas. The WTO said so.");
        let table = AliasTable::from_corpus(&corpus);
        assert_eq!(expanded(&table, "what did the World Trade Organisation say"), ["wto"]);
        assert!(expanded(&table, "what did the WTO say").is_empty());
    }
}
