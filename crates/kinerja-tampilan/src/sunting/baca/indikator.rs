//! An indicator's form (tujuan and sasaran indicators): its fields and the Renstra's yearly
//! targets, applied to the data set.

use super::*;

pub(super) fn simpan_indikator(
    d: &mut DataInstansi,
    f: &mut Isian,
    renstra: Option<&Renstra>,
    id: &str,
    induk: &str,
) -> Result<(), Vec<KesalahanIsian>> {
    let nomor = f.nomor("nomor");
    let uraian = f.wajib("uraian", "uraian indikator");
    let satuan = f.opsi("satuan");
    let polaritas = f.pilih("polaritas", &POLARITAS, Polaritas::Positif);
    let cara = f.pilih("cara_tahunan", &CARA, CaraTahunan::Terakhir);
    let target_akhir = f.nilai("target_akhir");
    let tahun: Vec<Tahun> = renstra.map(tahun_renstra).unwrap_or_default();
    let target: Vec<(Tahun, Option<Nilai>)> = tahun
        .iter()
        .map(|t| (*t, f.nilai(&format!("target.{}", t.get()))))
        .collect();
    let ind_id = if id.is_empty() {
        let Some(pemilik) = pemilik_dari(induk) else {
            return Err(galat_form(MUAT_ULANG));
        };
        let pemilik_id = induk.split_once('.').map_or("", |(_, x)| x);
        let ada: Vec<&str> = d.indikator.iter().map(|t| t.id.as_str()).collect();
        let awal = format!("I-{pemilik_id}-");
        let calon = id_baru(&awal, &ada);
        let calon = IndikatorId::new(calon)
            .unwrap_or_else(|_| IndikatorId::new(id_baru("I-", &ada)).expect("valid id"));
        d.indikator.push(Indikator {
            id: calon.clone(),
            pemilik,
            nomor,
            uraian,
            jenis: JenisIndikator::Hasil,
            polaritas,
            satuan,
            cara_tahunan: cara,
            target_akhir,
            kondisi_awal: None,
            rumus: None,
            cara_wilayah: Default::default(),
            induk: None,
            catatan: None,
        });
        calon
    } else {
        let Some(i) = d.indikator.iter_mut().find(|i| i.id.as_str() == id) else {
            return Err(galat_form(MUAT_ULANG));
        };
        i.nomor = nomor;
        i.uraian = uraian;
        i.satuan = satuan;
        i.polaritas = polaritas;
        i.cara_tahunan = cara;
        i.target_akhir = target_akhir;
        i.id.clone()
    };
    // The Renstra's yearly targets: a filled field sets the year's, an emptied one removes it
    // (the old value stays in the audit trail).
    for (t, nilai) in target {
        let posisi = d.target.iter().position(|x| {
            x.indikator == ind_id && x.tahun == t && x.dokumen == DokumenTarget::Renstra
        });
        match (posisi, nilai) {
            (Some(i), Some(n)) => d.target[i].nilai = n,
            (Some(i), None) => {
                if f.teks(&format!("target.{}", t.get())).is_empty() {
                    d.target.remove(i);
                }
            }
            (None, Some(n)) => d.target.push(Target {
                indikator: ind_id.clone(),
                tahun: t,
                dokumen: DokumenTarget::Renstra,
                nilai: n,
                uraian: None,
                catatan: None,
            }),
            (None, None) => {}
        }
    }
    Ok(())
}
