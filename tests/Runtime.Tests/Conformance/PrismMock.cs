using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace ModelArts.Runtime.Tests.Conformance;

/// <summary>
/// Prism (<c>@stoplight/prism-cli</c>, pinned in <c>eng/openapi/package.json</c>) mocking one document of
/// <c>spec/</c> on 127.0.0.1: a request validator we did not write. Installs the pinned tools with
/// <c>eng/openapi/install.sh</c> when they are missing, so <c>dotnet test</c> alone works too.
/// </summary>
public sealed class PrismMock(string specFile) : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly StringBuilder _output = new();
    private Process? _process;

    public Uri Address { get; private set; } = null!;

    /// <summary>What Prism printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var tools = Path.Combine(ModelArts.Testing.RepositoryRoot.Path, "eng", "openapi");
        var prism = Path.Combine(tools, "node_modules", ".bin", "prism");
        if (!File.Exists(prism))
        {
            var (code, output) = await Task.Run(() => ModelArts.Testing.ChildProcess.Run("bash", [Path.Combine(tools, "install.sh")], tools, TimeSpan.FromMinutes(5)));
            if (code != 0 || !File.Exists(prism))
            {
                throw new InvalidOperationException($"Prism is not installed and eng/openapi/install.sh failed (exit {code}); Node.js and npm are needed for the conformance tests.\n{output}");
            }
        }

        var port = FreeLoopbackPort();
        Address = new Uri($"http://127.0.0.1:{port}");
        var spec = Path.Combine(ModelArts.Testing.RepositoryRoot.Path, "spec", specFile);
        var start = new ProcessStartInfo(prism)
        {
            ArgumentList = { "mock", spec, "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dynamic", "false" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        start.Environment["DO_NOT_TRACK"] = "1";

        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(e.Data);
            }

            if (e.Data.Contains("Prism is listening", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        };
        _process.OutputDataReceived += collect;
        _process.ErrorDataReceived += collect;
        _process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"Prism ({specFile}) exited before it listened:\n" + Output));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var finished = await Task.WhenAny(listening.Task, Task.Delay(StartTimeout));
        if (finished != listening.Task)
        {
            throw new TimeoutException($"Prism ({specFile}) did not listen on {Address} within {StartTimeout.TotalSeconds} s:\n{Output}");
        }

        await listening.Task;
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        _process = null;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// One Prism per document of <c>spec/</c> (a Prism mocks one document), started together: each takes a couple of
/// seconds and about 150 MB, so nine start in the time of a few and the tests of every document share them.
/// </summary>
public sealed class PrismMocks : IAsyncLifetime, IDisposable
{
    private readonly Dictionary<string, PrismMock> _mocks = SpecDocument.All.ToDictionary(d => d.FileName, d => new PrismMock(d.FileName));

    /// <summary>The Prism mocking <paramref name="spec"/>.</summary>
    internal PrismMock For(SpecDocument spec) => _mocks[spec.FileName];

    public Task InitializeAsync() => Task.WhenAll(_mocks.Values.Select(m => m.InitializeAsync()));

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var mock in _mocks.Values)
        {
            mock.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PrismMockDefinition : ICollectionFixture<PrismMocks>
{
    public const string Name = "Prism";
}
