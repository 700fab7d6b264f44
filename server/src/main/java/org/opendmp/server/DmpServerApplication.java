package org.opendmp.server;

import org.opendmp.server.tool.VihfTool;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Open DMP server: IHE XDS.b registry and repository behind mutual TLS, on the national
 * DMP's service paths. With no configuration it runs on an embedded H2 database and a
 * development PKI generated under the data directory. {@code java -jar dmp-server.jar vihf ...} prints a
 * development VIHF assertion instead (see {@link VihfTool}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DmpServerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("vihf")) {
            System.exit(VihfTool.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(DmpServerApplication.class, args);
    }
}
