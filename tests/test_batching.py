"""How the flow cuts its inputs into batches: fixed sizes for one worker, a tail of
shrinking batches for several, so no worker idles while another cleans a last full batch."""

from newsclean.flows.orchestration.clean_flow import SMALLEST_TAIL_BATCH, batch_sizes, iter_batches


def test_one_worker_gets_batches_of_the_asked_size():
    assert list(batch_sizes(450, 200, 1)) == [200, 200, 50]


def test_several_workers_get_a_shrinking_tail_that_covers_every_input():
    for total in (1, 19, 20, 21, 600, 1000, 5003):
        sizes = list(batch_sizes(total, 200, 2))
        assert sum(sizes) == total
        assert max(sizes) <= 200
        assert all(s >= min(SMALLEST_TAIL_BATCH, total) for s in sizes[:-1])
        assert sizes == sorted(sizes, reverse=True) or sizes[-1] < SMALLEST_TAIL_BATCH
    sizes = list(batch_sizes(1000, 200, 2))
    assert sizes[:2] == [200, 200] and sizes[-1] <= SMALLEST_TAIL_BATCH and len(sizes) > 5


def test_a_small_run_is_one_batch_not_a_crumb_for_a_second_worker():
    assert list(batch_sizes(21, 200, 2)) == [21]
    assert list(batch_sizes(45, 200, 2)) == [20, 20, 5]
    assert list(batch_sizes(19, 10, 2)) == [10, 9]  # never over the asked size
    assert list(batch_sizes(21, 200, 1)) == [21]


def test_iter_batches_follows_the_sizes_and_keeps_record_files_alone():
    keys = [f"{i:03d}.txt" for i in range(100)]
    keys.insert(50, "dump.jsonl.gz")
    batches = list(iter_batches(iter(keys), 40, articles=100, slots=2))
    assert sorted(k for b in batches for k in b) == sorted(keys)  # each input once
    assert ["dump.jsonl.gz"] in batches
    assert [len(b) for b in batches if b != ["dump.jsonl.gz"]] == list(batch_sizes(100, 40, 2))


def test_more_inputs_than_counted_keep_the_largest_size():
    batches = list(iter_batches(iter(str(i) for i in range(70)), 30, articles=10, slots=2))
    assert sum(map(len, batches)) == 70 and max(map(len, batches)) == 30
