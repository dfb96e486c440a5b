//! The form of one indicator of a tujuan or sasaran in the plan editor: its fields and its
//! Renstra targets per year.

use super::*;

pub(super) fn form_indikator(
    p: &mut Pengisi,
    data: &DataInstansi,
    renstra: Option<&Renstra>,
    ind: Option<&Indikator>,
    pemilik: &Pemilik,
    kelas: &'static str,
) -> FormBaris {
    let id = ind.map_or("", |i| i.id.as_str());
    let induk = if ind.is_some() {
        String::new()
    } else {
        kode_pemilik(pemilik)
    };
    let a = awalan("indikator", id, &induk);
    let nomor_baru = data
        .indikator
        .iter()
        .filter(|i| &i.pemilik == pemilik)
        .map(|i| i.nomor)
        .max()
        .unwrap_or(0)
        + 1;
    let mut medan = vec![
        p.medan(
            &a,
            "nomor",
            "No.",
            ind.map_or(nomor_baru, |i| i.nomor).to_string(),
            "angka",
        ),
        p.medan(
            &a,
            "uraian",
            "Uraian indikator",
            ind.map(|i| i.uraian.clone()).unwrap_or_default(),
            "area",
        ),
        p.medan(
            &a,
            "satuan",
            "Satuan",
            ind.and_then(|i| i.satuan.clone()).unwrap_or_default(),
            "teks",
        ),
        p.pilihan(
            &a,
            "polaritas",
            "Polaritas",
            POLARITAS
                .iter()
                .find(|(x, _, _)| *x == ind.map(|i| i.polaritas).unwrap_or_default())
                .map(|(_, k, _)| k.to_string())
                .unwrap_or_default(),
            POLARITAS
                .iter()
                .map(|(_, k, l)| (k.to_string(), l.to_string()))
                .collect(),
        ),
        p.pilihan(
            &a,
            "cara_tahunan",
            "Realisasi tahunan bila tidak diisi",
            CARA.iter()
                .find(|(x, _, _)| *x == ind.map(|i| i.cara_tahunan).unwrap_or_default())
                .map(|(_, k, _)| k.to_string())
                .unwrap_or_default(),
            CARA.iter()
                .map(|(_, k, l)| (k.to_string(), l.to_string()))
                .collect(),
        ),
    ];
    if let Some(r) = renstra {
        for t in baca::tahun_renstra(r) {
            let tersimpan = ind
                .and_then(|i| {
                    data.target.iter().find(|x| {
                        x.indikator == i.id && x.tahun == t && x.dokumen == DokumenTarget::Renstra
                    })
                })
                .map(|x| x.nilai.teks().to_string())
                .unwrap_or_default();
            medan.push(p.medan(
                &a,
                &format!("target.{}", t.get()),
                format!("Target {}", t.get()),
                tersimpan,
                "angka",
            ));
        }
    }
    let mut akhir = p.medan(
        &a,
        "target_akhir",
        "Target akhir Renstra",
        ind.and_then(|i| i.target_akhir.as_ref())
            .map(|n| n.teks().to_string())
            .unwrap_or_default(),
        "angka",
    );
    akhir.ket = Some("boleh kosong: target tahun terakhir".into());
    medan.push(akhir);
    let judul = match ind {
        Some(i) => format!("Indikator {}: {}", i.nomor, i.uraian),
        None => "Tambah indikator".into(),
    };
    p.form(judul, kelas, "indikator", id, &induk, medan)
}
