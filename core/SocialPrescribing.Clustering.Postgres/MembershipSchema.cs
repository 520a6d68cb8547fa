namespace SocialPrescribing.Clustering.Postgres;

/// <summary>
/// The membership tables. One version row per cluster guards every membership change with an etag
/// (optimistic concurrency, as Orleans' protocol requires); each silo's row has an etag of its own.
/// Created with IF NOT EXISTS under an advisory lock, so silos starting together are safe.
/// </summary>
internal static class MembershipSchema
{
    public static string Create(string schema) => $"""
        CREATE SCHEMA IF NOT EXISTS {schema};

        CREATE TABLE IF NOT EXISTS {schema}.orleans_membership_version (
            cluster_id  text    PRIMARY KEY,
            version     integer NOT NULL,
            etag        bigint  NOT NULL
        );

        CREATE TABLE IF NOT EXISTS {schema}.orleans_membership (
            cluster_id     text        NOT NULL REFERENCES {schema}.orleans_membership_version (cluster_id) ON DELETE CASCADE,
            address        text        NOT NULL,
            port           integer     NOT NULL,
            generation     integer     NOT NULL,
            status         integer     NOT NULL,
            silo_name      text        NOT NULL,
            host_name      text        NOT NULL,
            proxy_port     integer     NOT NULL,
            role_name      text        NOT NULL,
            update_zone    integer     NOT NULL,
            fault_zone     integer     NOT NULL,
            suspect_times  text        NOT NULL,
            start_time     timestamptz NOT NULL,
            i_am_alive     timestamptz NOT NULL,
            etag           bigint      NOT NULL,
            PRIMARY KEY (cluster_id, address, port, generation)
        );
        """;
}
