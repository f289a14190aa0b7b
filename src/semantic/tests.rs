use anyhow::Context as _;

use super::table::{Table, TableError, DIMS};
use super::*;

fn vector(word: &str) -> anyhow::Result<Embedding> {
    word_vector(word).with_context(|| format!("no vector for {word:?}"))
}

fn similarity(a: &str, b: &str) -> anyhow::Result<f32> {
    Ok(vector(a)?.cosine(&vector(b)?))
}

#[test]
fn synonyms_are_closer_than_unrelated_words() -> anyhow::Result<()> {
    assert!(similarity("purchase", "buy")? > similarity("purchase", "river")? + 0.1);
    assert!(similarity("car", "automobile")? > similarity("car", "banana")? + 0.1);
    assert!(similarity("physician", "doctor")? > similarity("physician", "guitar")? + 0.1);
    Ok(())
}

#[test]
fn word_similarities_match_the_derivation_scripts_own_reading_of_the_table() -> anyhow::Result<()> {
    // Cosines computed from the same table by `scripts/semantic_experiment.py`'s `Static`.
    for (a, b, expected) in [
        ("purchase", "buy", 0.88939),
        ("purchase", "river", 0.20692),
        ("car", "automobile", 0.86514),
        ("physician", "guitar", 0.19700),
        ("unaffable", "friendly", 0.39874),
    ] {
        let got = similarity(a, b)?;
        assert!((got - expected).abs() < 1e-4, "{a}/{b}: {got} vs {expected}");
    }
    Ok(())
}

#[test]
fn a_sentence_is_closer_to_a_question_that_means_it_than_to_one_that_does_not() -> anyhow::Result<()> {
    let sentence = embed([("company", 1.0), ("purchased", 2.0), ("factory", 2.0)]).context("sentence")?;
    let same = embed([("firm", 1.0), ("bought", 2.0), ("plant", 2.0)]).context("same")?;
    let other = embed([("river", 1.0), ("flooded", 2.0), ("village", 2.0)]).context("other")?;
    assert!(sentence.cosine(&same) > sentence.cosine(&other) + 0.1);
    Ok(())
}

#[test]
fn the_tokenizer_splits_words_the_way_bert_uncased_does() {
    assert_eq!(wordpieces("unaffable"), ["una", "##ffa", "##ble"]);
    assert_eq!(wordpieces("embeddings"), ["em", "##bed", "##ding", "##s"]);
    assert_eq!(wordpieces("Café déjà vu"), ["cafe", "de", "##ja", "vu"]);
    assert_eq!(wordpieces("Zürich 1990s"), ["zurich", "1990s"]);
    assert_eq!(
        wordpieces("The U.S.-led coalition’s “victory”"),
        ["the", "u", ".", "s", ".", "-", "led", "coalition", "’", "s", "“", "victory", "”"]
    );
    assert_eq!(wordpieces("東京 tower"), ["東", "京", "tower"]);
    assert_eq!(wordpieces("€5"), ["€", "##5"]);
    assert_eq!(wordpieces("🙂 smile"), ["[UNK]", "smile"]);
    assert_eq!(wordpieces(&"x".repeat(101)), ["[UNK]"]);
}

#[test]
fn unknown_characters_do_not_panic_and_have_no_vector() {
    assert_eq!(word_vector("🙂"), None);
    assert_eq!(word_vector("\u{0}\u{fffd}\u{200b}"), None);
    assert_eq!(embed([("🙂", 1.0), ("\u{10ffff}", 1.0)]), None);
    assert!(word_vector("smile🙂").is_none_or(|v| v.iter().all(|x| x.is_finite())));
    assert!(embed([("🙂", 1.0), ("smile", 1.0)]).is_some());
}

#[test]
fn empty_input_gives_none() {
    assert_eq!(word_vector(""), None);
    assert_eq!(word_vector("   "), None);
    assert_eq!(embed(std::iter::empty()), None);
    assert_eq!(embed([("", 1.0)]), None);
}

#[test]
fn words_without_a_positive_finite_weight_are_ignored() {
    assert_eq!(embed([("river", 0.0), ("bank", -1.0), ("money", f32::NAN)]), None);
    assert_eq!(embed([("river", 0.0), ("money", 1.0)]), word_vector("money"));
}

#[test]
fn vectors_are_unit_length_and_a_word_alone_embeds_as_its_word_vector() -> anyhow::Result<()> {
    let v = vector("newspaper")?;
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    assert!((norm - 1.0).abs() < 1e-4, "{norm}");
    let e = embed([("newspaper", 3.0)]).context("a known word embeds")?;
    assert!((v.cosine(&e) - 1.0).abs() < 1e-5);
    Ok(())
}

#[test]
fn cosine_of_a_zero_vector_is_zero_and_of_a_vector_with_itself_is_one() {
    assert_eq!(cosine(&[0.0; 3], &[1.0, 2.0, 3.0]), 0.0);
    assert!((cosine(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]) - 1.0).abs() < 1e-6);
    assert!(cosine(&[1.0, 0.0], &[0.0, 1.0]).abs() < 1e-6);
}

#[test]
fn the_embedded_table_parses_with_the_whole_vocabulary() -> Result<(), TableError> {
    let table = Table::parse(BYTES)?;
    assert!(table.rows() > 29_000, "{}", table.rows());
    assert_eq!(warm_up(), table.rows());
    assert!(table.row("the").is_some() && table.row("##s").is_some());
    assert!(table.row("[PAD]").is_none() && table.row("[UNK]").is_none() && table.row("[unused0]").is_none());
    Ok(())
}

/// A well-formed table of the given pieces, every row zero but the first component.
fn table_bytes(version: u32, dims: u32, pieces: &[&str]) -> Vec<u8> {
    let blob: String = pieces.iter().map(|p| format!("{p}\n")).collect();
    let mut out = b"SBSTATIC".to_vec();
    for n in [version, dims, pieces.len() as u32, blob.len() as u32] {
        out.extend(n.to_le_bytes());
    }
    out.extend(blob.bytes());
    for _ in pieces {
        out.extend(0.5f32.to_le_bytes());
    }
    for _ in pieces {
        let mut row = vec![0u8; dims as usize];
        row[0] = 2;
        out.extend(row);
    }
    out
}

#[test]
fn the_table_header_is_validated() -> Result<(), TableError> {
    let good = table_bytes(1, DIMS as u32, &["a", "##b"]);
    let table = Table::parse(&good)?;
    assert_eq!(table.row("##b"), Some(1));
    let mut sum = [0.0; DIMS];
    table.add_row(1, 2.0, &mut sum);
    assert_eq!(sum[0], 2.0);

    let mut bad_magic = good.clone();
    bad_magic[0] = b'X';
    assert_eq!(Table::parse(&bad_magic).err(), Some(TableError::Magic));
    assert_eq!(Table::parse(&good[..10]).err(), Some(TableError::Magic));
    assert_eq!(Table::parse(&table_bytes(2, DIMS as u32, &["a"])).err(), Some(TableError::Version(2)));
    assert_eq!(Table::parse(&table_bytes(1, 7, &["a"])).err(), Some(TableError::Dims(7)));
    assert!(matches!(Table::parse(&good[..good.len() - 1]), Err(TableError::Length { .. })));
    let mut longer = good.clone();
    longer.push(0);
    assert!(matches!(Table::parse(&longer), Err(TableError::Length { .. })));
    assert_eq!(Table::parse(&table_bytes(1, DIMS as u32, &["a", "a"])).err(), Some(TableError::Duplicate("a".into())));
    assert_eq!(
        Table::parse(&table_bytes(1, DIMS as u32, &["a\nb"])).err(),
        Some(TableError::Rows { expected: 1, actual: 2 })
    );
    let mut nan_scale = good.clone();
    let at = 24 + "a\n##b\n".len();
    nan_scale[at..at + 4].copy_from_slice(&f32::NAN.to_le_bytes());
    assert_eq!(Table::parse(&nan_scale).err(), Some(TableError::Scale(0)));
    Ok(())
}
