package jingwu.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Runs one OpenSearch 2.19 node on 127.0.0.1 for development and CI.
 *
 * <p>Usage: {@code java -jar jingwu-opensearch.jar HOME_DIR [HTTP_PORT]}. The node keeps its
 * config, data and logs under HOME_DIR and stops cleanly on SIGTERM. The modules a search
 * for Chinese needs (HTTP transport, analysis-common, painless) come from Maven Central and
 * are loaded as classpath plugins, so no OpenSearch distribution has to be downloaded.
 */
public final class Launcher {

    private Launcher() {
    }

    /** Node's constructor that takes plugin classes is protected. */
    static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment environment, List<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Paths.get(args.length > 0 ? args[0] : "var/opensearch").toAbsolutePath();
        String httpPort = args.length > 1 ? args[1] : "9200";
        for (String folder : new String[] {"config", "data", "logs", "plugins", "modules"}) {
            Files.createDirectories(home.resolve(folder));
        }
        Settings settings = Settings.builder()
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("cluster.name", "jingwu")
            .put("node.name", "jingwu-1")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", "9300-9400")
            // A nearly full disk must not turn the indices read-only on a CI machine.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();

        Path logConfig = home.resolve("config/log4j2.properties");
        if (!Files.exists(logConfig)) {
            Files.writeString(logConfig, String.join("\n",
                "status = error",
                "appender.console.type = Console",
                "appender.console.name = console",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%c{1}] %m%n",
                "rootLogger.level = " + System.getProperty("jingwu.log.level", "warn"),
                "rootLogger.appenderRef.console.ref = console", ""));
        }
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), home.resolve("config"), () -> "jingwu-1");
        LogConfigurator.setNodeName("jingwu-1");
        LogConfigurator.registerErrorListener();
        LogConfigurator.configure(environment);

        Node node = new EmbeddedNode(environment, List.of(
            Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "jingwu-opensearch-shutdown"));

        node.start();
        // One node has nowhere to put replicas; without this new indices stay yellow.
        node.client().admin().cluster().prepareUpdateSettings()
            .setPersistentSettings(Settings.builder().put("cluster.default_number_of_replicas", 0))
            .get();
        System.out.println("OpenSearch started: http://127.0.0.1:" + httpPort);
        stopped.await();
    }
}
