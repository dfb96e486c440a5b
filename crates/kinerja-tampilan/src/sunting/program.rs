//! The program, kegiatan and sub kegiatan forms of the Renstra editor: codes, names, the
//! sasaran a program serves, and its indicative pagu per year of the Renstra.

use super::baca::awalan;
use super::{FormBaris, MedanForm, Pengisi, baca, rupiah_isian};
use kinerja_core::model::*;

pub(super) fn form_program(p: &mut Pengisi, data: &DataInstansi, r: &Renstra) -> Vec<FormBaris> {
    let mut form = Vec::new();
    let mut pilihan_sasaran = vec![(String::new(), "(tanpa sasaran)".to_string())];
    pilihan_sasaran.extend(data.sasaran.iter().map(|s| {
        (
            s.id.to_string(),
            format!("Sasaran {}: {}", s.nomor, s.uraian),
        )
    }));
    let tahun = baca::tahun_renstra(r);
    let medan_program = |p: &mut Pengisi, a: &str, g: Option<&Program>| {
        let mut v = vec![
            p.medan(
                a,
                "kode",
                "Kode",
                g.and_then(|g| g.kode.clone()).unwrap_or_default(),
                "teks",
            ),
            p.medan(
                a,
                "nama",
                "Nama program",
                g.map(|g| g.nama.clone()).unwrap_or_default(),
                "area",
            ),
            p.pilihan(
                a,
                "sasaran",
                "Sasaran",
                g.and_then(|g| g.sasaran.as_ref())
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                pilihan_sasaran.clone(),
            ),
            p.medan(
                a,
                "renstra",
                "Tercantum di Renstra",
                if g.is_none_or(|g| g.renstra) {
                    "1".into()
                } else {
                    String::new()
                },
                "centang",
            ),
        ];
        for t in &tahun {
            v.push(
                p.medan(
                    a,
                    &format!("pagu.{}", t.get()),
                    format!("Pagu indikatif {}", t.get()),
                    g.and_then(|g| g.pagu_indikatif.iter().find(|x| x.tahun == *t))
                        .map(|x| rupiah_isian(x.pagu))
                        .unwrap_or_default(),
                    "angka",
                ),
            );
        }
        v
    };
    for g in &data.program {
        let a = awalan("program", g.id.as_str(), "");
        let medan = medan_program(p, &a, Some(g));
        form.push(p.form(
            format!("Program: {}", g.nama),
            "tingkat-0",
            "program",
            g.id.as_str(),
            "",
            medan,
        ));
        for k in data.kegiatan.iter().filter(|k| k.program == g.id) {
            let a = awalan("kegiatan", k.id.as_str(), "");
            let medan = medan_kode(p, &a, "kegiatan", k.kode.as_deref(), Some(&k.nama));
            form.push(p.form(
                format!("Kegiatan: {}", k.nama),
                "tingkat-1",
                "kegiatan",
                k.id.as_str(),
                "",
                medan,
            ));
            for s in data.sub_kegiatan.iter().filter(|s| s.kegiatan == k.id) {
                let a = awalan("sub_kegiatan", s.id.as_str(), "");
                let medan = medan_kode(p, &a, "sub kegiatan", s.kode.as_deref(), Some(&s.nama));
                form.push(p.form(
                    format!("Sub kegiatan: {}", s.nama),
                    "tingkat-2",
                    "sub_kegiatan",
                    s.id.as_str(),
                    "",
                    medan,
                ));
            }
            let a = awalan("sub_kegiatan", "", k.id.as_str());
            let medan = medan_kode(p, &a, "sub kegiatan", None, None);
            form.push(p.form(
                format!("Tambah sub kegiatan di bawah {}", k.nama),
                "tingkat-2",
                "sub_kegiatan",
                "",
                k.id.as_str(),
                medan,
            ));
        }
        let a = awalan("kegiatan", "", g.id.as_str());
        let medan = medan_kode(p, &a, "kegiatan", None, None);
        form.push(p.form(
            format!("Tambah kegiatan di bawah {}", g.nama),
            "tingkat-1",
            "kegiatan",
            "",
            g.id.as_str(),
            medan,
        ));
    }
    let a = awalan("program", "", "renstra");
    let medan = medan_program(p, &a, None);
    form.push(p.form(
        "Tambah program".into(),
        "tingkat-0",
        "program",
        "",
        "renstra",
        medan,
    ));
    form
}

fn medan_kode(
    p: &mut Pengisi,
    a: &str,
    apa: &str,
    kode: Option<&str>,
    nama: Option<&str>,
) -> Vec<MedanForm> {
    vec![
        p.medan(a, "kode", "Kode", kode.unwrap_or_default().into(), "teks"),
        p.medan(
            a,
            "nama",
            format!("Nama {apa}"),
            nama.unwrap_or_default().into(),
            "area",
        ),
    ]
}
