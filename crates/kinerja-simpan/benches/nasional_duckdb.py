"""The national indicator roll-up of `benches/nasional.rs`, side by side in DuckDB.

Benchmark only: DuckDB is never a dependency of kinerja. After
`cargo bench -p kinerja-simpan --bench nasional` has left its database (the name it wrote to
target/nasional/basis.txt; `--basis NAME` reads another):

    python3 -m venv target/duckdb-venv && target/duckdb-venv/bin/pip install duckdb
    target/duckdb-venv/bin/python crates/kinerja-simpan/benches/nasional_duckdb.py [--basis NAME]

It exports what the roll-up reads (indicators, the realisasi and data element values) from
PostgreSQL to CSV with psql (not timed), then times in DuckDB (median of 5):
- the roll-up over tables already loaded in memory, and
- the same reading the CSV files each time (closer to what ours does: read, then compute);
and checks that every figure equals ours (target/nasional/rekap-2021.csv) to 6 decimals.

The SQL implements the ways the synthetic data declares: a year's figure is the annual value
if entered, else the last quarter entered (`cara_tahunan = terakhir`); formula indicators
(one data element over another, times a factor) are rolled up as a ratio of sums, the others
as a mean; a unit with an element missing is left out; an indicator's units are the data sets
that carry it. Ours is the general code.
"""

import csv
import os
import statistics
import subprocess
import sys
import time

import duckdb

AKAR = os.path.normpath(os.path.join(os.path.dirname(__file__), "../../.."))
FOLDER = os.path.join(AKAR, "target", "nasional")
URL = os.environ.get("KINERJA_UJI_PG", "postgres://postgres@127.0.0.1:5432/postgres")



def nama_basis():
    """The bench's database: `--basis NAME`, else the name the last bench run wrote."""
    if "--basis" in sys.argv:
        return sys.argv[sys.argv.index("--basis") + 1]
    berkas = os.path.join(FOLDER, "basis.txt")
    if os.path.exists(berkas):
        with open(berkas) as f:
            return f.read().strip()
    return "kinerja_nasional_bench"


URL = URL.rsplit("/", 1)[0] + "/" + nama_basis()
TAHUN = 2021

EKSPOR = {
    "indikator": "SELECT pelapor, isi->>'id' AS id, COALESCE(isi->>'cara_wilayah', 'tidak') AS cara, "
    "isi->'rumus'->>'pembilang' AS pembilang, isi->'rumus'->>'penyebut' AS penyebut, "
    "isi->'rumus'->>'pengali' AS pengali FROM rekaman WHERE tabel = 'indikator'",
    "realisasi": "SELECT pelapor, indikator, tahun, periode, nilai FROM realisasi",
    # Typed columns (migration 34); `nilai` is the exact decimal with a point ("1234.5").
    "nilai_data": "SELECT pelapor, elemen, tahun, periode, nilai FROM nilai_data",
}

# Indonesian numbers ("45,67", "1.234,5") to DECIMAL.
ANGKA = "CAST(replace(replace({0}, '.', ''), ',', '.') AS DECIMAL(38, 6))"

REKAP = """
WITH
unit AS (SELECT id, count(DISTINCT pelapor) AS n FROM @indikator@ GROUP BY id),
nd AS (SELECT pelapor, elemen, periode, CAST(nilai AS DECIMAL(38, 6)) AS v
       FROM @nilai_data@ WHERE tahun = @TAHUN@),
el AS (SELECT pelapor, elemen,
              coalesce(max(v) FILTER (WHERE periode = 'tahunan'),
                       arg_max(v, periode) FILTER (WHERE periode <> 'tahunan')) AS v
       FROM nd GROUP BY pelapor, elemen),
rumus AS (SELECT pelapor, id,
                 regexp_extract(pembilang, '#\{([^}]*)\}', 1) AS ep,
                 regexp_extract(penyebut, '#\{([^}]*)\}', 1) AS eq,
                 CAST(coalesce(pengali, '1') AS DECIMAL(38, 6)) AS k
          FROM @indikator@ WHERE cara = 'rasio_jumlah'),
rasio AS (SELECT r.id, sum(p.v) * any_value(r.k) / sum(q.v) AS nilai, count(*) AS melapor
          FROM rumus r
          JOIN el p ON p.pelapor = r.pelapor AND p.elemen = r.ep
          JOIN el q ON q.pelapor = r.pelapor AND q.elemen = r.eq
          GROUP BY r.id),
re AS (SELECT pelapor, indikator, periode, @ANGKA@ AS v
       FROM @realisasi@ WHERE tahun = @TAHUN@),
ry AS (SELECT pelapor, indikator,
              coalesce(max(v) FILTER (WHERE periode = 'tahunan'),
                       arg_max(v, periode) FILTER (WHERE periode <> 'tahunan')) AS v
       FROM re GROUP BY pelapor, indikator),
rata AS (SELECT i.id, avg(ry.v) AS nilai, count(*) AS melapor
         FROM @indikator@ i JOIN ry ON ry.pelapor = i.pelapor AND ry.indikator = i.id
         WHERE i.cara = 'rata_rata' GROUP BY i.id)
SELECT x.id, x.nilai, x.melapor, unit.n AS jumlah_unit
FROM (SELECT * FROM rasio UNION ALL SELECT * FROM rata) x JOIN unit ON unit.id = x.id
ORDER BY x.id
"""


def rekap_sql(tabel, tahun_sql="tahun"):
    """The roll-up over the tables (or CSV readers) named in `tabel`."""
    s = REKAP.replace("@ANGKA@", ANGKA.format("nilai")).replace("@TAHUN@", str(TAHUN))
    s = s.replace("WHERE tahun = ", f"WHERE {tahun_sql} = ")
    for n, sumber in tabel.items():
        s = s.replace(f"@{n}@", sumber)
    return s


def ekspor():
    os.makedirs(FOLDER, exist_ok=True)
    for nama, sql in EKSPOR.items():
        berkas = os.path.join(FOLDER, f"{nama}.csv")
        subprocess.run(
            ["psql", URL, "-q", "-c", f"\\copy ({sql}) TO '{berkas}' CSV HEADER"],
            check=True,
        )
    ukuran = sum(os.path.getsize(os.path.join(FOLDER, f"{n}.csv")) for n in EKSPOR)
    print(f"ekspor CSV: {ukuran / 1048576:.0f} MiB di {FOLDER}")


def median(f, n=5):
    waktu = []
    hasil = None
    for _ in range(n):
        t = time.perf_counter()
        hasil = f()
        waktu.append(time.perf_counter() - t)
    return statistics.median(waktu), hasil


def main():
    print(f"basis data: {URL.rsplit('/', 1)[1]}; beban mesin (load average) "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if "--tanpa-ekspor" not in sys.argv:
        ekspor()
    con = duckdb.connect()
    csv_ = {n: f"read_csv_auto('{os.path.join(FOLDER, n + '.csv')}', all_varchar=true)" for n in EKSPOR}
    t = time.perf_counter()
    for n, sumber in csv_.items():
        con.execute(f"CREATE TABLE {n} AS SELECT * FROM {sumber}")
    con.execute("CREATE OR REPLACE TABLE nilai_data AS SELECT * REPLACE (CAST(tahun AS INTEGER) AS tahun) FROM nilai_data")
    con.execute("CREATE OR REPLACE TABLE realisasi AS SELECT * REPLACE (CAST(tahun AS INTEGER) AS tahun) FROM realisasi")
    muat = time.perf_counter() - t
    sql_tabel = rekap_sql({n: n for n in EKSPOR})
    sql_csv = rekap_sql(csv_, "CAST(tahun AS INTEGER)")
    m_tabel, hasil = median(lambda: con.execute(sql_tabel).fetchall())
    m_csv, hasil_csv = median(lambda: con.execute(sql_csv).fetchall())
    assert hasil == hasil_csv
    print(f"DuckDB {duckdb.__version__}: muat CSV ke tabel {muat:.2f} s")
    print(f"DuckDB rekap nasional ({len(hasil)} indikator): tabel di memori median {m_tabel:.3f} s; "
          f"langsung dari CSV median {m_csv:.3f} s")
    kita = {}
    with open(os.path.join(FOLDER, f"rekap-{TAHUN}.csv")) as f:
        for b in csv.DictReader(f):
            kita[b["indikator"]] = b
    assert len(kita) == len(hasil), (len(kita), len(hasil))
    beda = 0
    for id_, nilai, melapor, jumlah in hasil:
        k = kita[id_]
        if abs(float(k["nilai"]) - float(nilai)) > 1e-6 or int(k["melapor"]) != melapor or int(k["jumlah_unit"]) != jumlah:
            beda += 1
            if beda <= 5:
                print("BEDA", id_, k, nilai, melapor, jumlah)
    print(f"angka sama dengan rekap kinerja: {len(hasil) - beda} dari {len(hasil)} indikator")
    sys.exit(1 if beda else 0)


if __name__ == "__main__":
    main()
