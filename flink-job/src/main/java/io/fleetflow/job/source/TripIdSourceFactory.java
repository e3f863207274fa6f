package io.fleetflow.job.source;

import java.io.Serializable;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Creates the stream of trip ids the job scores; tests swap in a bounded one. */
@FunctionalInterface
public interface TripIdSourceFactory extends Serializable {
    DataStream<String> create(StreamExecutionEnvironment env);
}
