using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Palisade.Lab.Topology;

namespace Palisade.Lab.Store;

/// <summary>
/// The lab's state on disk (SQLite, WAL): the shape of the lab, the applied objects (desired state), and what the
/// controller made of them (pods' placement and status, Services' ClusterIPs, the world hosts, the processes it runs).
/// The controller writes all of it but the node agents' rows (each agent writes its own); the CLI reads it for <c>get</c> and <c>status</c> even when the controller is down.
/// </summary>
public sealed partial class LabStore : IDisposable
{
    private readonly SqliteConnection connection;

    private LabStore(SqliteConnection connection) => this.connection = connection;

    /// <summary>Opens (creating when <paramref name="create"/>) the database at <paramref name="path"/>.</summary>
    public static LabStore Open(string path, bool create = false)
    {
        if (!create && !File.Exists(path)) throw new LabException($"no lab state at {path}: bring the lab up first with `palisade lab up`");
        var mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite;
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        var store = new LabStore(connection);
        _ = store.Execute("PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL;");
        _ = store.Execute(Schema);
        return store;
    }

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS config (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS objects (kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, api_version TEXT NOT NULL,
            json TEXT NOT NULL, applied TEXT NOT NULL, system INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (kind, namespace, name));
        CREATE TABLE IF NOT EXISTS pods (namespace TEXT NOT NULL, name TEXT NOT NULL, node TEXT NOT NULL, ip TEXT NOT NULL, netns TEXT NOT NULL,
            phase TEXT NOT NULL, ready INTEGER NOT NULL, restarts INTEGER NOT NULL, spec_hash TEXT NOT NULL, message TEXT, created TEXT NOT NULL,
            PRIMARY KEY (namespace, name));
        CREATE TABLE IF NOT EXISTS services (namespace TEXT NOT NULL, name TEXT NOT NULL, cluster_ip TEXT, PRIMARY KEY (namespace, name));
        CREATE TABLE IF NOT EXISTS world_hosts (name TEXT PRIMARY KEY, address TEXT NOT NULL, netns TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS processes (role TEXT PRIMARY KEY, pid INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS agents (node TEXT PRIMARY KEY, pid INTEGER NOT NULL, synced INTEGER NOT NULL, attempted INTEGER NOT NULL,
            error TEXT, syncs INTEGER NOT NULL, full_loads INTEGER NOT NULL, patches INTEGER NOT NULL, commands INTEGER NOT NULL, last_sync_ms REAL NOT NULL, updated TEXT NOT NULL);
        """;

    /// <summary>The lab's shape.</summary>
    public LabConfig Config
    {
        get => GetConfig("lab") is { } json ? JsonSerializer.Deserialize<LabConfig>(json)! : throw new LabException("the lab's state has no configuration; run `palisade lab down` and bring it up again");
        set => SetConfig("lab", JsonSerializer.Serialize(value));
    }

    /// <summary>A configuration value, or null.</summary>
    public string? GetConfig(string key) => Scalar("SELECT value FROM config WHERE key=$k", ("$k", key)) as string;

    /// <summary>Sets a configuration value.</summary>
    public void SetConfig(string key, string value) =>
        Execute("INSERT INTO config(key,value) VALUES($k,$v) ON CONFLICT(key) DO UPDATE SET value=$v", ("$k", key), ("$v", value));

    /// <summary>Runs <paramref name="action"/> in one transaction (no other thread uses the store meanwhile).</summary>
    public void InTransaction(Action action)
    {
        lock (connection)
        {
            using var tx = connection.BeginTransaction();
            action();
            tx.Commit();
        }
    }

    private static string Time(DateTimeOffset t) => t.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    private static IPAddress? Address(object? value) => value is string s && s.Length > 0 ? IPAddress.Parse(s) : null;

    // Every statement holds the connection's lock: the controller's request handling and its workload watchdog
    // share one connection, which SQLite's ADO.NET provider does not make thread-safe itself.
    private int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (connection)
        {
            using var command = Command(sql, parameters);
            return command.ExecuteNonQuery();
        }
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (connection)
        {
            using var command = Command(sql, parameters);
            return command.ExecuteScalar();
        }
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        lock (connection)
        {
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read()) rows.Add(read(reader));
            return rows;
        }
    }

    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <inheritdoc/>
    public void Dispose() => connection.Dispose();
}
