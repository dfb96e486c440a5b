//! The strategi and kebijakan rows of the Renstra editor: a strategi with the sasaran it serves
//! (one box each), its kebijakan under it.

use super::baca::awalan;
use super::{FormBaris, MedanForm, Pengisi};
use kinerja_core::model::*;

pub(super) fn form_strategi(p: &mut Pengisi, data: &DataInstansi) -> Vec<FormBaris> {
    let medan = |p: &mut Pengisi, a: &str, s: Option<&Strategi>| -> Vec<MedanForm> {
        let mut v = vec![p.medan(
            a,
            "uraian",
            "Uraian strategi",
            s.map(|s| s.uraian.clone()).unwrap_or_default(),
            "area",
        )];
        for x in &data.sasaran {
            v.push(p.medan(
                a,
                &format!("sasaran.{}", x.id),
                format!("Sasaran {}: {}", x.nomor, x.uraian),
                if s.is_some_and(|s| s.sasaran.contains(&x.id)) {
                    "1".into()
                } else {
                    String::new()
                },
                "centang",
            ));
        }
        v
    };
    let mut form = Vec::new();
    for (n, s) in data.strategi.iter().enumerate() {
        let a = awalan("strategi", s.id.as_str(), "");
        let m = medan(p, &a, Some(s));
        form.push(p.form(
            format!("Strategi {}: {}", n + 1, s.uraian),
            "tingkat-0",
            "strategi",
            s.id.as_str(),
            "",
            m,
        ));
        for (j, k) in data
            .kebijakan
            .iter()
            .filter(|k| k.strategi == s.id)
            .enumerate()
        {
            let a = awalan("kebijakan", k.id.as_str(), "");
            let m = vec![p.medan(&a, "uraian", "Uraian kebijakan", k.uraian.clone(), "area")];
            form.push(p.form(
                format!("Kebijakan {}: {}", j + 1, k.uraian),
                "tingkat-1",
                "kebijakan",
                k.id.as_str(),
                "",
                m,
            ));
        }
        let a = awalan("kebijakan", "", s.id.as_str());
        let m = vec![p.medan(&a, "uraian", "Uraian kebijakan", String::new(), "area")];
        form.push(p.form(
            format!("Tambah kebijakan strategi {}", n + 1),
            "tingkat-1",
            "kebijakan",
            "",
            s.id.as_str(),
            m,
        ));
    }
    let a = awalan("strategi", "", "renstra");
    let m = medan(p, &a, None);
    form.push(p.form(
        "Tambah strategi".into(),
        "tingkat-0",
        "strategi",
        "",
        "renstra",
        m,
    ));
    form
}
