package io.torghut.prober.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresDsnTest {

    private static String props(Map<String, String> properties) {
        return new TreeMap<>(properties).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    private static void assertNoSecret(String secret, String text) {
        if (secret != null && !secret.isEmpty()) {
            assertFalse(text.contains(secret), "'" + text + "' contains the password");
        }
    }

    /** Columns: DSN | JDBC URL | user | password | driver properties (sorted, k=v;k=v). Empty means none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # the uri CNPG's <cluster>-app secret holds
            postgresql://torghut:s3cret-pg-pass@torghut-db-rw.torghut:5432/torghut?sslmode=require | jdbc:postgresql://torghut-db-rw.torghut:5432/torghut | torghut | s3cret-pg-pass | sslmode=require
            postgres://app:pw-9z@db.example.com/appdb                                     | jdbc:postgresql://db.example.com/appdb           | app     | pw-9z             |
            "  postgresql://app:pw-9z@db:5432/appdb  "                                    | jdbc:postgresql://db:5432/appdb                  | app     | pw-9z             |
            # percent-encoded user and password: @ : / ? % all survive, and '+' stays a plus (it is not a space in a URI)
            postgresql://us%40er:p%40ss%3Aw%2Fo%3Frd%25x@h:5432/db                        | jdbc:postgresql://h:5432/db                      | us@er   | p@ss:w/o?rd%x     |
            postgresql://u:a+b%2Bc@h/db                                                   | jdbc:postgresql://h/db                           | u       | a+b+c             |
            postgresql://u:p%20q@h/db                                                     | jdbc:postgresql://h/db                           | u       | p q               |
            postgresql://app%2Bro@h/db                                                    | jdbc:postgresql://h/db                           | app+ro  |                   |
            # an unencoded @ in the password: the last @ before the host wins
            postgresql://u:p@ss@h/db                                                      | jdbc:postgresql://h/db                           | u       | p@ss              |
            # several hosts, IPv6, ports from the query
            postgresql://u:pw@h1:5432,h2:5433/db?target_session_attrs=read-write           | jdbc:postgresql://h1:5432,h2:5433/db             | u       | pw                | targetServerType=primary
            postgresql://u:pw@[::1]:5432/db                                               | jdbc:postgresql://[::1]:5432/db                  | u       | pw                |
            postgresql://u:pw@[2001:db8::7]/db                                            | jdbc:postgresql://[2001:db8::7]/db               | u       | pw                |
            postgresql:///db?host=h&port=6432                                             | jdbc:postgresql://h:6432/db                      |         |                   |
            postgresql://h1,h2/db?port=5432,5433                                          | jdbc:postgresql://h1:5432,h2:5433/db             |         |                   |
            # query parameters: credentials and dbname move out, libpq names become pgjdbc names
            postgresql://h/?dbname=d&user=u&password=q%26p&application_name=app&connect_timeout=7 | jdbc:postgresql://h/d          | u       | q&p               | ApplicationName=app;connectTimeout=7
            postgresql://h/db?sslmode=verify-full&sslrootcert=/ca.pem&&target_session_attrs=standby | jdbc:postgresql://h/db       |         |                   | sslmode=verify-full;sslrootcert=/ca.pem;targetServerType=secondary
            postgresql://h/db?target_session_attrs=prefer-standby                         | jdbc:postgresql://h/db                           |         |                   | targetServerType=preferSecondary
            postgresql://h/db?target_session_attrs=any                                    | jdbc:postgresql://h/db                           |         |                   | targetServerType=any
            # no database: libpq defaults to the user name, then postgres
            postgresql://torghut:pw@h:5432                                                | jdbc:postgresql://h:5432/torghut                 | torghut | pw                |
            postgresql://torghut:pw@h:5432/?sslmode=require                               | jdbc:postgresql://h:5432/torghut                 | torghut | pw                | sslmode=require
            postgresql://h                                                                | jdbc:postgresql://h/postgres                     |         |                   |
            postgresql://                                                                 | jdbc:postgresql://localhost/postgres             |         |                   |
            # jdbc:postgresql: URLs: user and password move out of the URL, pgjdbc names stay as they are
            jdbc:postgresql://h:5432/db?user=u&password=s3cret&sslmode=require             | jdbc:postgresql://h:5432/db                      | u       | s3cret            | sslmode=require
            jdbc:postgresql://h1:5432,h2:5432/db?targetServerType=primary&ApplicationName=x | jdbc:postgresql://h1:5432,h2:5432/db            |         |                   | ApplicationName=x;targetServerType=primary
            jdbc:postgresql:torghut?user=u&password=s3cret                                | jdbc:postgresql://localhost/torghut              | u       | s3cret            |
            jdbc:postgresql:/                                                             | jdbc:postgresql://localhost/postgres             |         |                   |
            # key=value
            host=h port=5433 dbname=db user=u password='it\\'s a secret' sslmode=require    | jdbc:postgresql://h:5433/db                      | u       | it's a secret     | sslmode=require
            host=h dbname=db password=p\\ q\\\\r                                            | jdbc:postgresql://h/db                           |         | p q\\r            |
            "  host = h   dbname = 'my db'  user=u  "                                      | jdbc:postgresql://h/my db                        | u       |                   |
            hostaddr=10.0.0.5 dbname=db user=u password=''                                | jdbc:postgresql://10.0.0.5/db                    | u       | ""                |
            host=db.example.com hostaddr=10.0.0.5 dbname=db                               | jdbc:postgresql://db.example.com/db              |         |                   |
            hostaddr=::1 port=5433 dbname=db                                              | jdbc:postgresql://[::1]:5433/db                  |         |                   |
            host=2001:db8::5,db2 dbname=db                                                | jdbc:postgresql://[2001:db8::5],db2/db           |         |                   |
            host=h1,h2 port=5432,5433 dbname=db                                           | jdbc:postgresql://h1:5432,h2:5433/db             |         |                   |
            host=h1,h2 port=6432 dbname=db                                                | jdbc:postgresql://h1:6432,h2:6432/db             |         |                   |
            host=h application_name='torghut prober' connect_timeout=5 target_session_attrs=read-only | jdbc:postgresql://h/postgres | |                   | ApplicationName=torghut prober;connectTimeout=5;targetServerType=secondary
            user=torghut                                                                  | jdbc:postgresql://localhost/torghut              | torghut |                   |
            """)
    void parses(String dsn, String jdbcUrl, String user, String password, String properties) {
        PostgresTarget target = PostgresDsn.parse(dsn);
        assertEquals(jdbcUrl, target.jdbcUrl());
        assertEquals(Optional.ofNullable(user), target.user());
        assertEquals(Optional.ofNullable(password), target.password());
        assertEquals(properties == null ? "" : properties, props(target.properties()));
        assertNoSecret(password, target.toString());
        assertNoSecret(password, target.jdbcUrl());
        assertNoSecret(password, target.display());
        assertNoSecret(password, props(target.properties()));
    }

    /** Columns: DSN (each holds the password s3cret-pw or a piece of it) | the exact message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            torghut-db-rw.torghut:5432                                  | DB_DSN is neither a postgresql:// URI, a jdbc:postgresql:// URL nor key=value pairs
            mysql://u:s3cret-pw@h/db?ssl=true                           | DB_DSN has an unsupported scheme; use postgresql://, postgres://, jdbc:postgresql: or key=value pairs
            jdbc:mysql://h/db?password=s3cret-pw                        | DB_DSN has an unsupported scheme; use postgresql://, postgres://, jdbc:postgresql: or key=value pairs
            postgresql://u:s3cret-pw@h1,,h2/db                          | DB_DSN has an empty host name
            postgresql://u:s3cret-pw@h/db?port=54x2                     | DB_DSN has a port that is not a number
            postgresql://u:s3cret-pw@h/db?port=123456                   | DB_DSN has a port that is not a number
            postgresql://u:s3cret-pw%zz@h/db                            | DB_DSN has an invalid %-escape
            postgresql://u:s3cret-pw%@h/db                              | DB_DSN has an invalid %-escape
            postgresql:///db?host=/var/run/postgresql&password=s3cret-pw | DB_DSN names a Unix socket directory as host; the prober connects over TCP only
            host=/var/run/postgresql dbname=db password=s3cret-pw       | DB_DSN names a Unix socket directory as host; the prober connects over TCP only
            host=h port=54x32 password=s3cret-pw                        | DB_DSN has a port that is not a number
            host=h password='s3cret-pw                                  | DB_DSN has an unterminated quoted value for key 'password'
            host=h dbname password=s3cret-pw                            | DB_DSN key 'dbname' has no '=value'
            =s3cret-pw host=h                                           | DB_DSN has a value with no key
            # an unquoted password with a space: the second word is not a key, and must not be printed
            password=s3cret pw host=h                                   | DB_DSN key '?' has no '=value'
            password=s3cret pw='x host=h                                | DB_DSN has an unterminated quoted value for key '?'
            host=h password=s3cret-pw zz                                | DB_DSN key '?' has no '=value'
            """)
    void rejectsWithExactMessageAndNoSecret(String dsn, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PostgresDsn.parse(dsn));
        assertEquals(message, e.getMessage());
        for (String piece : new String[] {"s3cret", "pw", "zz"}) {
            assertFalse(e.getMessage().contains(piece + "'") || e.getMessage().contains("'" + piece), e.getMessage());
        }
        assertNoSecret("s3cret", e.getMessage());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void emptyIsRejected(String dsn) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PostgresDsn.parse(dsn));
        assertEquals("DB_DSN is empty", e.getMessage());
    }

    @Test
    void toStringShowsWhereAndWhoButNeverThePassword() {
        PostgresTarget target = PostgresDsn.parse("postgresql://torghut:s3cret-pg-pass@torghut-db-rw.torghut:5432/torghut?sslmode=require");
        assertEquals("PostgresTarget[torghut-db-rw.torghut:5432/torghut, user=torghut, password=****]", target.toString());
        assertEquals("torghut-db-rw.torghut:5432/torghut", target.display());
        assertEquals("PostgresTarget[localhost/postgres, user=(none), password=(none)]", PostgresDsn.parse("postgresql://").toString());
    }
}
