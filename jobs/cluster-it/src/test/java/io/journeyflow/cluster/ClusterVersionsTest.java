package io.journeyflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The cluster that scripts/cluster starts must run the Flink and Kafka versions the job is built against: its pom
 * (scripts/cluster-libs) cannot inherit them from the root pom, so this test keeps the two in step.
 */
class ClusterVersionsTest {

    private static final Path ROOT = Path.of(System.getProperty("journeyflow.root")).toAbsolutePath().normalize();

    @Test
    void clusterJarsHaveTheVersionsTheJobIsBuiltAgainst() throws Exception {
        Document project = read(ROOT.resolve("pom.xml"));
        Document cluster = read(ROOT.resolve("scripts/cluster-libs/pom.xml"));

        for (String version : new String[] {"flink.version", "kafka.version", "log4j.version"}) {
            assertThat(property(cluster, version)).as(version).isNotBlank().isEqualTo(property(project, version));
        }
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String property(Document pom, String name) {
        var properties = pom.getElementsByTagName("properties");
        var values = ((org.w3c.dom.Element) properties.item(0)).getElementsByTagName(name);
        return values.getLength() == 0 ? "" : values.item(0).getTextContent().trim();
    }
}
