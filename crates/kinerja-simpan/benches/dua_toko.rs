//! Two servers on one PostgreSQL: two `Toko` on one database, each with its own pool and its
//! own data set copies (what two `kinerja serve` processes hold). A realisasi saved through
//! the first is read through the second at once, every round; and what that costs: the
//! second's read after the save (it sees the new version and reloads the data set), its read
//! when nothing changed (one version query, then its copy in memory), and the generation query
//! the web's page cache makes on every request.
//!
//! Run: `cargo bench -p kinerja-simpan --bench dua_toko` (`KINERJA_BENCH_PUTARAN`, 200 saves).
//! The page-level check of the same (two web servers, saves through either, pages through the
//! other) is the test `kinerja-web/tests/tembolok.rs`.

use kinerja_core::id::{IndikatorId, InstansiId};
use kinerja_core::model::Realisasi;
use kinerja_core::nilai::Nilai;
use kinerja_core::waktu::{Periode, Tahun};
use kinerja_simpan::{Hak, ModeImpor, Pelaku, Toko};
use rust_decimal::Decimal;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

async fn jalan() {
    let putaran: usize = std::env::var("KINERJA_BENCH_PUTARAN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let Some(b) = kinerja_simpan::uji::semua_basis()
        .await
        .into_iter()
        .find(|b| b.nama == "postgres")
    else {
        println!("SKIP: PostgreSQL tidak tersedia");
        return;
    };
    let pelaku = Pelaku {
        pengguna: "bench".into(),
        sumber: "bench".into(),
        hak: Hak::Semua,
    };
    let satu = Toko::buka(&b.url).await.unwrap();
    let dua = Toko::buka(&b.url).await.unwrap();
    let d = kinerja_sintetis::instansi(0);
    let (pelapor, _) = satu
        .impor(&d, None, ModeImpor::Gabung, &pelaku)
        .await
        .unwrap();
    let id = IndikatorId::new("I000").unwrap();
    let tahun = Tahun::new(2021).unwrap();
    let baca = |t: &Toko, p: InstansiId| {
        let t = t.clone();
        async move { t.muat_bersama(&p).await.unwrap() }
    };
    baca(&dua, pelapor.clone()).await;
    let (mut simpan, mut sesudah, mut tetap, mut generasi) = (vec![], vec![], vec![], vec![]);
    let mut basi = 0;
    for i in 0..putaran {
        let nilai = Nilai::angka(Decimal::new(5000 + i as i64, 2)).unwrap();
        let r = Realisasi {
            indikator: id.clone(),
            tahun,
            periode: Periode::Tw1,
            nilai: nilai.clone(),
            sumber: None,
            catatan: None,
        };
        let t = Instant::now();
        satu.simpan_realisasi(&pelapor, vec![r], &pelaku)
            .await
            .unwrap();
        simpan.push(t.elapsed());
        let t = Instant::now();
        let data = baca(&dua, pelapor.clone()).await;
        sesudah.push(t.elapsed());
        let terbaca = data
            .realisasi
            .iter()
            .find(|r| r.indikator == id && r.tahun == tahun && r.periode == Periode::Tw1)
            .map(|r| r.nilai.clone());
        if terbaca != Some(nilai) {
            basi += 1;
        }
        let t = Instant::now();
        baca(&dua, pelapor.clone()).await;
        tetap.push(t.elapsed());
        let t = Instant::now();
        dua.generasi().await.unwrap();
        generasi.push(t.elapsed());
    }
    println!(
        "dua toko, satu PostgreSQL: {putaran} simpan lewat toko 1, dibaca lewat toko 2 seketika; \
         {basi} bacaan basi"
    );
    println!(
        "median: simpan {} ; baca sesudah simpan (versi baru, muat ulang) {} ; baca tanpa \
         perubahan (satu kueri versi, salinan di memori) {} ; kueri generasi (tembolok halaman, \
         setiap permintaan) {}",
        ms(median(simpan)),
        ms(median(sesudah)),
        ms(median(tetap)),
        ms(median(generasi))
    );
    assert_eq!(
        basi, 0,
        "a save through one store was not read through the other"
    );
    satu.tutup().await;
    dua.tutup().await;
    b.selesai().await;
}

fn main() {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(jalan());
}
