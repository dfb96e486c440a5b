//! What `kinerja evaluasi` prints: the table for people, JSON with exact numbers for programs.

use kinerja_core::angka::format_angka;
use kinerja_evaluasi::{HasilEvaluasi, Predikat};
use serde_json::{Value, json};

fn a2(n: rust_decimal::Decimal) -> String {
    format_angka(n, 2)
}

fn predikat(p: Predikat) -> String {
    format!("{} ({})", p.kode(), p.arti())
}

pub fn teks(h: &HasilEvaluasi) -> String {
    use crate::tampil::{kanan, kiri, tabel};
    let mut s = format!(
        "Evaluasi AKIP tahun {} — {}\nNilai evaluator {}: {}; penilaian mandiri OPD {}: {}\n\n",
        h.tahun.get(),
        h.lke,
        a2(h.total.evaluator),
        predikat(h.predikat()),
        a2(h.total.opd),
        predikat(h.predikat_opd()),
    );
    let mut baris = Vec::new();
    for k in &h.komponen {
        baris.push(vec![
            k.id.clone(),
            k.nama.clone(),
            String::new(),
            a2(k.bobot),
            a2(k.nilai.opd),
            a2(k.nilai.evaluator),
        ]);
        for sub in &k.sub {
            baris.push(vec![
                sub.id.clone(),
                sub.nama.clone(),
                sub.jenis.label().into(),
                a2(sub.bobot),
                a2(sub.nilai.opd),
                a2(sub.nilai.evaluator),
            ]);
        }
    }
    baris.push(vec![
        String::new(),
        "Total".into(),
        String::new(),
        a2(rust_decimal::Decimal::ONE_HUNDRED),
        a2(h.total.opd),
        a2(h.total.evaluator),
    ]);
    s.push_str(&tabel(
        &[
            kiri("No"),
            kiri("Komponen / sub komponen"),
            kiri("Jenis"),
            kanan("Bobot"),
            kanan("Nilai OPD"),
            kanan("Nilai evaluator"),
        ],
        &baris,
    ));
    s.push('\n');
    if !h.temuan.is_empty() {
        s.push_str("\nTemuan:\n");
        // Unanswered criteria on one line: a fresh evaluation has all of them.
        let belum: Vec<&str> = h
            .temuan
            .iter()
            .filter(|t| matches!(t, kinerja_evaluasi::Temuan::BelumDijawab { .. }))
            .map(|t| t.kriteria())
            .collect();
        if !belum.is_empty() {
            s.push_str(&format!(
                "- {} kriteria belum dijawab evaluator (dihitung 0): {}\n",
                belum.len(),
                belum.join(", ")
            ));
        }
        for t in h
            .temuan
            .iter()
            .filter(|t| !matches!(t, kinerja_evaluasi::Temuan::BelumDijawab { .. }))
        {
            s.push_str(&format!("- {}\n", t.pesan()));
        }
    }
    if !h.rekomendasi_lalu.is_empty() {
        s.push_str(&format!(
            "\nTindak lanjut rekomendasi tahun {}:\n",
            h.tahun.get() - 1
        ));
        for r in &h.rekomendasi_lalu {
            s.push_str(&format!(
                "- {}: {} [{}]\n",
                r.kriteria,
                r.rekomendasi,
                kinerja_laporan::status_tindak_lanjut(r.status)
            ));
        }
    }
    let usulan: Vec<_> = h
        .kriteria()
        .filter(|(_, _, c)| c.usulan.is_some())
        .collect();
    if !usulan.is_empty() {
        s.push_str("\nUsulan dari data:\n");
        for (_, _, c) in usulan {
            let Some(u) = &c.usulan else { continue };
            s.push_str(&format!(
                "- {} ({}): usulan {} ({} dari {} butir); evaluator {}\n",
                c.id,
                u.cek.nama(),
                u.jawaban.as_deref().unwrap_or("-"),
                u.ya,
                u.dari,
                c.evaluator
                    .as_ref()
                    .map(|e| e.kode.as_str())
                    .unwrap_or("belum dijawab"),
            ));
            for a in &u.alasan {
                s.push_str(&format!("    {a}\n"));
            }
        }
    }
    s
}

/// Scores and values print with 2 decimals, half away from zero (the grade is read on the
/// total so rounded, so the JSON's total is the one graded); a criterion's weight in points
/// (6/7 = 0,857142...) with 4. Rounded once, here.
fn nilai(d: rust_decimal::Decimal) -> Value {
    kinerja_json::angka_bulat(d, 2)
}

fn skor(s: &kinerja_evaluasi::Skor) -> Value {
    json!({
        "opd": nilai(s.opd),
        "evaluator": nilai(s.evaluator),
    })
}

pub fn json(h: &HasilEvaluasi) -> String {
    let jawaban = |j: &Option<kinerja_evaluasi::skor::NilaiJawaban>| match j {
        None => Value::Null,
        Some(j) => json!({
            "jawaban": j.kode,
            "nilai": nilai(j.nilai),
            "poin": kinerja_json::angka_bulat(j.poin, 4),
            "catatan": j.catatan,
            "usulan_tersimpan": j.usulan_tersimpan,
        }),
    };
    let komponen: Vec<Value> = h
        .komponen
        .iter()
        .map(|k| {
            json!({
                "id": k.id,
                "nama": k.nama,
                "bobot": nilai(k.bobot),
                "nilai": skor(&k.nilai),
                "sub_komponen": k.sub.iter().map(|s| json!({
                    "id": s.id,
                    "nama": s.nama,
                    "jenis": s.jenis.label().to_lowercase(),
                    "bobot": nilai(s.bobot),
                    "nilai": skor(&s.nilai),
                    "persen": skor(&s.persen),
                    "kriteria": s.kriteria.iter().map(|c| json!({
                        "id": c.id,
                        "uraian": c.uraian,
                        "bobot": kinerja_json::angka_bulat(c.poin, 4),
                        "opd": jawaban(&c.opd),
                        "evaluator": jawaban(&c.evaluator),
                        "rekomendasi": c.rekomendasi,
                        "usulan": c.usulan.as_ref().map(|u| json!({
                            "pemeriksaan": u.cek.nama(),
                            "jawaban": u.jawaban,
                            "terpenuhi": u.ya,
                            "dari": u.dari,
                            "alasan": u.alasan,
                        })),
                    })).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let v = json!({
        "tahun": h.tahun.get(),
        "lke": h.lke,
        "komponen": komponen,
        "total": skor(&h.total),
        "predikat": {
            "opd": h.predikat_opd().kode(),
            "evaluator": h.predikat().kode(),
        },
        "rekomendasi_lalu": h.rekomendasi_lalu.iter().map(|r| json!({
            "kriteria": r.kriteria,
            "rekomendasi": r.rekomendasi,
            "status": r.status,
            "uraian": r.uraian,
        })).collect::<Vec<_>>(),
        "temuan": h.temuan.iter().map(|t| json!({
            "kriteria": t.kriteria(),
            "pesan": t.pesan(),
        })).collect::<Vec<_>>(),
    });
    kinerja_json::teks(&v).unwrap_or_default()
}

pub fn teks_rekap(r: &kinerja_evaluasi::Rekap) -> String {
    use crate::tampil::{Kolom, kanan, kiri, tabel};
    let judul: Vec<String> = r.komponen.clone();
    let mut kolom: Vec<Kolom> = vec![kanan("Peringkat"), kiri("Instansi")];
    // `tampil::Kolom` takes static titles: the components are numbered instead, named below.
    let nomor: Vec<&'static str> = ["K1", "K2", "K3", "K4", "K5", "K6", "K7", "K8"]
        .into_iter()
        .take(judul.len())
        .collect();
    kolom.extend(nomor.iter().map(|n| kanan(n)));
    kolom.push(kanan("Nilai"));
    kolom.push(kiri("Predikat"));
    let baris: Vec<Vec<String>> = r
        .baris
        .iter()
        .map(|b| {
            let mut v = vec![b.peringkat.to_string(), b.instansi.clone()];
            v.extend(b.komponen.iter().take(nomor.len()).map(|n| a2(*n)));
            v.push(a2(b.total));
            v.push(predikat(b.predikat));
            v
        })
        .collect();
    let mut s = tabel(&kolom, &baris);
    s.push('\n');
    for (n, j) in nomor.iter().zip(&judul) {
        s.push_str(&format!("{n}: {j}\n"));
    }
    s
}

pub fn json_rekap(r: &kinerja_evaluasi::Rekap) -> String {
    let v = json!({
        "komponen": r.komponen,
        "instansi": r.baris.iter().map(|b| json!({
            "peringkat": b.peringkat,
            "instansi": b.instansi,
            "komponen": b.komponen.iter().map(|n| nilai(*n)).collect::<Vec<_>>(),
            "total": nilai(b.total),
            "predikat": b.predikat.kode(),
        })).collect::<Vec<_>>(),
    });
    kinerja_json::teks(&v).unwrap_or_default()
}
