"""The SKM job of `skm-bench`, done the way an analyst would in pandas.

Usage: python3 skm_pandas.py FILE.csv [POPULASI]

Reads the respondent CSV (U1..U9 + layanan, jenis_kelamin, umur, pendidikan, pekerjaan),
checks every answer is 1..4, and computes what `kinerja skm` computes: counts per unsur and
answer, NRR per unsur, IKM (exact weight 1/9), NIK, the unsur below the mean, and the IKM per
group of each profile column (umur in ten-year bands). Prints one JSON line: the time of the job
(after `import pandas`), the import time, and the peak memory (ru_maxrss) of the process.
"""

import json
import resource
import sys
import time

t_import = time.perf_counter()
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

t_import = time.perf_counter() - t_import

path = sys.argv[1]
t0 = time.perf_counter()
df = pd.read_csv(path)
U = [c for c in df.columns if c.startswith("U")]
jawaban = df[U]
buruk = int((~jawaban.isin([1, 2, 3, 4])).any(axis=1).sum())
if buruk:
    raise SystemExit(f"{buruk} baris buruk")
jumlah = {u: jawaban[u].value_counts().reindex([1, 2, 3, 4], fill_value=0).tolist() for u in U}
nrr = jawaban.mean()
ikm = float(nrr.mean())
nik = ikm * 25
bawah = [u for u in U if nrr[u] * 25 < nik]
umur = pd.cut(
    df["umur"],
    bins=[-np.inf, 20, 30, 40, 50, 60, np.inf],
    right=False,
    labels=["< 20", "20-29", "30-39", "40-49", "50-59", "60+"],
)
rincian = {}
for kolom, kunci in [
    ("layanan", df["layanan"]),
    ("jenis_kelamin", df["jenis_kelamin"]),
    ("umur", umur),
    ("pendidikan", df["pendidikan"]),
    ("pekerjaan", df["pekerjaan"]),
]:
    g = jawaban.groupby(kunci, observed=True)
    rincian[kolom] = {
        str(k): {"responden": int(n), "ikm": float(v)}
        for (k, v), n in zip(g.mean().mean(axis=1).items(), g.size())
    }
detik = time.perf_counter() - t0
puncak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(
    json.dumps(
        {
            "detik": detik,
            "detik_import": t_import,
            "puncak_kb": puncak_kb,
            "responden": len(df),
            "ikm": ikm,
            "nik": nik,
            "di_bawah_rata_rata": bawah,
            "jumlah_U1": jumlah[U[0]],
            "kelompok": sum(len(v) for v in rincian.values()),
            "pandas": pd.__version__,
        },
        separators=(",", ":"),
    )
)
