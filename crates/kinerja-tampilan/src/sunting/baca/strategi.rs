//! A strategi's form (its wording and the sasaran it serves, ticked) and a kebijakan's (its
//! wording, under its strategi), applied to the data set.

use super::*;

pub(super) fn simpan_strategi(
    d: &mut DataInstansi,
    f: &mut Isian,
    id: &str,
) -> Result<(), Vec<KesalahanIsian>> {
    let uraian = f.wajib("uraian", "uraian strategi");
    let dicentang: Vec<SasaranId> = d
        .sasaran
        .iter()
        .filter(|s| !f.teks(&format!("sasaran.{}", s.id)).is_empty())
        .map(|s| s.id.clone())
        .collect();
    if id.is_empty() {
        let ada: Vec<&str> = d.strategi.iter().map(|t| t.id.as_str()).collect();
        let id = StrategiId::new(id_baru("ST-", &ada)).expect("valid id");
        d.strategi.push(Strategi {
            id,
            sasaran: dicentang,
            uraian,
            catatan: None,
        });
        return Ok(());
    }
    let Some(s) = d.strategi.iter_mut().find(|s| s.id.as_str() == id) else {
        return Err(galat_form(MUAT_ULANG));
    };
    // The stored order first (an unchanged form is no change), then the newly ticked.
    let mut sasaran: Vec<SasaranId> = s
        .sasaran
        .iter()
        .filter(|x| dicentang.contains(x))
        .cloned()
        .collect();
    sasaran.extend(dicentang.into_iter().filter(|x| !s.sasaran.contains(x)));
    s.sasaran = sasaran;
    s.uraian = uraian;
    Ok(())
}

pub(super) fn simpan_kebijakan(
    d: &mut DataInstansi,
    f: &mut Isian,
    id: &str,
    induk: &str,
) -> Result<(), Vec<KesalahanIsian>> {
    let uraian = f.wajib("uraian", "uraian kebijakan");
    if id.is_empty() {
        let Some(s) = d.strategi.iter().find(|s| s.id.as_str() == induk) else {
            return Err(galat_form(MUAT_ULANG));
        };
        let strategi = s.id.clone();
        let ada: Vec<&str> = d.kebijakan.iter().map(|t| t.id.as_str()).collect();
        let id = KebijakanId::new(id_baru("KB-", &ada)).expect("valid id");
        d.kebijakan.push(Kebijakan {
            id,
            strategi,
            uraian,
            catatan: None,
        });
        return Ok(());
    }
    let Some(k) = d.kebijakan.iter_mut().find(|k| k.id.as_str() == id) else {
        return Err(galat_form(MUAT_ULANG));
    };
    k.uraian = uraian;
    Ok(())
}
