import numpy as np

from snippets.control_flow import shape_buckets as sb


def test_one_trace_and_cache_entry_per_length():
    assert sb.unbucketed_traces == sb.unbucketed_cache == len(set(sb.lengths)) == 9


def test_buckets_are_powers_of_two_from_eight():
    assert [sb.bucket(n) for n in (1, 8, 9, 16, 17, 30)] == [8, 8, 16, 16, 32, 32]


def test_bucketing_traces_once_per_bucket():
    assert sb.bucket_shapes == [(8,), (16,), (32,)]
    assert sb.bucketed_traces == 3 < sb.unbucketed_traces


def test_padded_means_equal_the_exact_ones():
    assert sb.largest_difference == 0.0
    np.testing.assert_allclose([float(m) for m in sb.exact],
                               [float(np.mean(b)) for b in sb.batches], rtol=1e-6)
