//! The write lock shared by saves and the approval workflow, raced on both backends.

use crate::akun::Langkah;
use crate::tests::{contoh, id, pelaku};
use crate::uji::semua_basis;
use crate::{Galat, ModeImpor, Toko};
use kinerja_core::model::Realisasi;
use kinerja_core::nilai::Nilai;
use kinerja_core::waktu::{Periode, Tahun};
use std::time::{Duration, Instant};

const PUTARAN: u32 = 60;

/// A save of a Tw1 realisasi and the approval of Tw1 start together, from two stores on one
/// database (two server processes), with the start of one delayed by a different amount each
/// round, from the save half a save's length behind to the approval a whole save's length
/// behind. After each round, if Tw1 is approved (it always is: the approval never fails for
/// want of the lock), the audit trail holds no change to that realisasi after the approval's
/// row: an accepted save committed before the approval, any later one was refused.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_save_racing_an_approval_never_lands_in_the_approved_period() {
    let d = contoh();
    let th = Tahun::new(2020).unwrap();
    let ind = d.realisasi[0].indikator.clone();
    let kunci = format!("{ind}|2020|tw1");
    let tw1 = move |n: u32| Realisasi {
        indikator: ind.clone(),
        tahun: th,
        periode: Periode::Tw1,
        nilai: Nilai::parse(&(1000 + n).to_string()).unwrap(),
        sumber: None,
        catatan: None,
    };
    let p = id("mumbulsari");
    for b in semua_basis().await {
        let penyimpan = Toko::buka(&b.url).await.unwrap();
        let penyetuju = Toko::buka(&b.url).await.unwrap();
        penyimpan
            .impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let mulai = Instant::now();
        penyimpan
            .simpan_realisasi(&p, vec![tw1(PUTARAN)], &pelaku())
            .await
            .unwrap();
        let lama_simpan = mulai.elapsed();
        let (mut diterima, mut ditolak) = (0, 0);
        for n in 0..PUTARAN {
            penyetuju
                .langkah_alur(&p, th, Periode::Tw1, Langkah::Ajukan, &pelaku())
                .await
                .unwrap();
            let sebelum = penyetuju.jejak(&p, None, None, 1).await.unwrap()[0].id;
            // From -1/2 to +5/4 of a save's length: negative delays the save.
            let geser =
                lama_simpan.as_secs_f64() * (1.75 * f64::from(n) / f64::from(PUTARAN) - 0.5);
            let tunda = |detik: f64| Duration::from_secs_f64(detik.max(0.0));
            let simpan = {
                let (t, p, r) = (penyimpan.clone(), p.clone(), tw1(n));
                tokio::spawn(async move {
                    tokio::time::sleep(tunda(-geser)).await;
                    t.simpan_realisasi(&p, vec![r], &pelaku()).await
                })
            };
            let setujui = {
                let (t, p) = (penyetuju.clone(), p.clone());
                tokio::spawn(async move {
                    tokio::time::sleep(tunda(geser)).await;
                    t.langkah_alur(&p, th, Periode::Tw1, Langkah::Setujui, &pelaku())
                        .await
                })
            };
            let simpan = simpan.await.unwrap();
            if let Err(e) = setujui.await.unwrap() {
                panic!("{}, round {n}: the approval failed: {e}", b.nama);
            }
            let j = penyetuju.jejak(&p, None, None, 10).await.unwrap();
            let putaran: Vec<_> = j.iter().filter(|x| x.id > sebelum).collect();
            let setuju = putaran
                .iter()
                .find(|x| x.tabel == "status_periode")
                .expect("the approval is audited")
                .id;
            let simpanan: Vec<i64> = putaran
                .iter()
                .filter(|x| x.tabel == "realisasi" && x.kunci == kunci)
                .map(|x| x.id)
                .collect();
            assert!(
                simpanan.iter().all(|&s| s < setuju),
                "{}, round {n}: a save of Tw1 (audit rows {simpanan:?}) landed after its \
                 approval (row {setuju})",
                b.nama
            );
            match simpan {
                Ok(r) => {
                    assert_eq!((r.diubah, simpanan.len()), (1, 1), "{}", b.nama);
                    diterima += 1;
                }
                Err(Galat::Terkunci(_)) => {
                    assert!(simpanan.is_empty(), "{}, round {n}", b.nama);
                    ditolak += 1;
                }
                Err(e) => panic!("{}, round {n}: the save failed: {e}", b.nama),
            }
            penyetuju
                .langkah_alur(&p, th, Periode::Tw1, Langkah::Buka, &pelaku())
                .await
                .unwrap();
        }
        eprintln!(
            "{}: {diterima} saves before the approval, {ditolak} refused after it \
             (a save takes {lama_simpan:?})",
            b.nama
        );
        // Both orders happened: the rounds did race.
        assert!(diterima > 0 && ditolak > 0, "{}", b.nama);
        penyimpan.tutup().await;
        penyetuju.tutup().await;
        b.selesai().await;
    }
}
