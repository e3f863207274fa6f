package io.fleetflow.job.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupingDrainerTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aLoneItemIsHandedOverAtOnceOnItsOwn() throws Exception {
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch handled = new CountDownLatch(1);
        GroupingDrainer<Integer> drainer =
                new GroupingDrainer<>(
                        executor,
                        2,
                        32,
                        g -> {
                            groups.add(g);
                            handled.countDown();
                        });

        drainer.submit(7);

        assertThat(handled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(groups).containsExactly(List.of(7));
    }

    @Test
    void itemsGroupUpWhileEveryWorkerIsBusyUpToTheGroupSize() throws Exception {
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch allHandled = new CountDownLatch(11);
        GroupingDrainer<Integer> drainer =
                new GroupingDrainer<>(
                        executor,
                        1,
                        4,
                        g -> {
                            groups.add(g);
                            firstStarted.countDown();
                            await(release);
                            g.forEach(i -> allHandled.countDown());
                        });

        drainer.submit(0);
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 10; i++) {
            drainer.submit(i);
        }
        release.countDown();

        assertThat(allHandled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(groups)
                .containsExactly(
                        List.of(0), List.of(1, 2, 3, 4), List.of(5, 6, 7, 8), List.of(9, 10));
    }

    @Test
    void aFreeWorkerTakesAnEvenShareOfTheWaitingItemsNotAllOfThem() throws Exception {
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        List<CountDownLatch> started = new ArrayList<>();
        List<CountDownLatch> release = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            started.add(new CountDownLatch(1));
            release.add(new CountDownLatch(1));
        }
        CountDownLatch waitingOnesHandled = new CountDownLatch(16);
        GroupingDrainer<Integer> drainer =
                new GroupingDrainer<>(
                        executor,
                        4,
                        32,
                        g -> {
                            groups.add(g);
                            if (g.get(0) < 4) {
                                started.get(g.get(0)).countDown();
                                await(release.get(g.get(0)));
                            } else {
                                g.forEach(i -> waitingOnesHandled.countDown());
                            }
                        });
        for (int i = 0; i < 4; i++) { // one item per worker, each held until released
            drainer.submit(i);
            assertThat(started.get(i).await(5, TimeUnit.SECONDS)).isTrue();
        }
        for (int i = 4; i < 20; i++) {
            drainer.submit(i);
        }

        release.get(0).countDown(); // one worker free, three still busy

        assertThat(waitingOnesHandled.await(4, TimeUnit.SECONDS)).isTrue();
        assertThat(groups.subList(4, groups.size()).stream().map(List::size))
                .containsExactly(4, 3, 3, 2, 1, 1, 1, 1);
        release.forEach(CountDownLatch::countDown);
    }

    @Test
    void everyItemIsHandledExactlyOnceByAtMostMaxWorkersAtATime() throws Exception {
        int items = 20_000;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostRunning = new AtomicInteger();
        ConcurrentHashMap<Integer, Integer> seen = new ConcurrentHashMap<>();
        CountDownLatch allHandled = new CountDownLatch(items);
        GroupingDrainer<Integer> drainer =
                new GroupingDrainer<>(
                        executor,
                        3,
                        16,
                        g -> {
                            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                            assertThat(g).hasSizeBetween(1, 16);
                            for (int i : g) {
                                seen.merge(i, 1, Integer::sum);
                                allHandled.countDown();
                            }
                            running.decrementAndGet();
                        });
        ExecutorService submitters = Executors.newFixedThreadPool(4);
        try {
            for (int t = 0; t < 4; t++) {
                int from = t * items / 4;
                submitters.execute(
                        () -> {
                            for (int i = from; i < from + items / 4; i++) {
                                drainer.submit(i);
                            }
                        });
            }
            assertThat(allHandled.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            submitters.shutdownNow();
        }
        assertThat(seen).hasSize(items);
        assertThat(seen.values()).containsOnly(1);
        assertThat(mostRunning.get()).isBetween(1, 3);
    }

    @Test
    void sizesMustBePositive() {
        assertThatThrownBy(() -> new GroupingDrainer<Integer>(executor, 0, 1, g -> {}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupingDrainer<Integer>(executor, 1, 0, g -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
