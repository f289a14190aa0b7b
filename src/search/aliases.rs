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
    /// Very short names ("X") only count when written exactly so, not as the letter x.
    exact_case: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct AliasTable {
    groups: Vec<Group>,
}

impl AliasTable {
    pub fn from_corpus(corpus: &Corpus) -> AliasTable {
        let groups = corpus
            .alias_groups()
            .map(|forms| Group {
                forms: forms
                    .into_iter()
                    .map(|f| Form {
                        words: super::words_of(f).into_iter().map(|w| w.to_lowercase()).collect(),
                        exact_case: (f.chars().count() <= 2).then(|| f.to_string()),
                    })
                    .filter(|f| !f.words.is_empty())
                    .collect(),
            })
            .collect();
        AliasTable { groups }
    }

    /// For each group a question names, the position of the first word that names it and the
    /// words of the group's other forms.
    pub fn expansions<'a>(&'a self, surface: &[&str], lower: &[String]) -> Vec<(usize, Vec<&'a str>)> {
        let mut out = Vec::new();
        for group in &self.groups {
            let found = group.forms.iter().enumerate().find_map(|(f, form)| {
                (0..lower.len()).find(|&i| form.matches(surface, lower, i)).map(|i| (f, i))
            });
            if let Some((matched, position)) = found {
                let words: Vec<&str> = group
                    .forms
                    .iter()
                    .enumerate()
                    .filter(|&(f, _)| f != matched)
                    .flat_map(|(_, form)| form.words.iter().map(String::as_str))
                    .collect();
                out.push((position, words));
            }
        }
        out
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
