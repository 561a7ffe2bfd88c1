package io.torghut.prober.boot.nativeimage;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.sql.SQLException;
import java.sql.SQLXML;
import javax.xml.transform.Result;
import javax.xml.transform.Source;
import org.postgresql.core.BaseConnection;

/**
 * Native image only (the JVM never loads it): pgjdbc's XML values without the XML stack. {@code PgResultSet.getObject}
 * can return an XML column as {@code PgSQLXML}, whose parsers and transformers pulled the whole {@code java.xml}
 * module into the executable (1.8 MB of code, its message tables in the image heap). The Postgres probe reads no
 * XML column: every method of this stand-in refuses with a clear SQL error instead. quarkus-jdbc-postgresql did the
 * same; the prober uses the plain driver (no Agroal, no Narayana), so it carries its own copy of the cut.
 */
@TargetClass(className = "org.postgresql.jdbc.PgSQLXML")
@Substitute
@SuppressWarnings("unused")
public final class Target_org_postgresql_jdbc_PgSQLXML implements SQLXML {
    @Substitute
    public Target_org_postgresql_jdbc_PgSQLXML(BaseConnection conn) {
    }

    @Substitute
    public Target_org_postgresql_jdbc_PgSQLXML(BaseConnection conn, String data) {
    }

    @Override
    @Substitute
    public void free() {
    }

    @Override
    @Substitute
    public InputStream getBinaryStream() throws SQLException {
        throw Refusals.xmlValue();
    }

    @Override
    @Substitute
    public Reader getCharacterStream() throws SQLException {
        throw Refusals.xmlValue();
    }

    @Override
    @Substitute
    public <T extends Source> T getSource(Class<T> sourceClass) throws SQLException {
        throw Refusals.xmlValue();
    }

    @Override
    @Substitute
    public String getString() throws SQLException {
        throw Refusals.xmlValue();
    }

    @Override
    @Substitute
    public OutputStream setBinaryStream() throws SQLException {
        throw Refusals.xmlValue();
    }

    @Override
    @Substitute
    public Writer setCharacterStream() throws SQLException {
        throw Refusals.xmlValue();
    }

    @Override
    @Substitute
    public <T extends Result> T setResult(Class<T> resultClass) throws SQLException {
        throw Refusals.xmlValue();
    }

    @Override
    @Substitute
    public void setString(String value) throws SQLException {
        throw Refusals.xmlValue();
    }
}
