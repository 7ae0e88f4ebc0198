using System.Text;
using ModelArts.Runtime.Http;
using Xunit;

namespace ModelArts.Runtime.Tests;

/// <summary>Vectors computed by aksk_vectors.py from the published SDK-HMAC-SHA256 algorithm, independently of this code.</summary>
public sealed class AkSkSignerTests
{
    [Theory]
    [InlineData("GET", "https://modelarts.eu-de.otc.t-systems.com/v2/proj-1/datasets?offset=0&limit=10", "", "20261122T101459Z", null, "AKEXAMPLE", "SKEXAMPLE",
        "GET\n/v2/proj-1/datasets/\nlimit=10&offset=0\nhost:modelarts.eu-de.otc.t-systems.com\nx-sdk-date:20261122T101459Z\n\nhost;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=host;x-sdk-date, Signature=db9b22d7ae1e1e2bbab3d9904e60c58eea5e91b7858751d651c91bb018c02b3e")]
    [InlineData("POST", "https://modelarts.eu-de.otc.t-systems.com/v2/proj-1/processor-tasks", "{\"name\":\"t\"}", "20261122T101500Z", "application/json; charset=utf-8", "AKEXAMPLE", "SKEXAMPLE",
        "POST\n/v2/proj-1/processor-tasks/\n\ncontent-type:application/json; charset=utf-8\nhost:modelarts.eu-de.otc.t-systems.com\nx-sdk-date:20261122T101500Z\n\ncontent-type;host;x-sdk-date\n3647a67649228b62fe3d139c47f7a3c673c31ce57da824082b6654fc0b15751f",
        "SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=content-type;host;x-sdk-date, Signature=6644c3d4817be16647c2f2bbf6c0c7df1f6afcdefc4e23bd1e3eb9b4fbc5ed83")]
    public void Canonical_request_and_signature_match_the_reference(string method, string url, string body, string date, string? contentType, string ak, string sk, string canonical, string authorization)
    {
        var uri = new Uri(url);
        var headers = new Dictionary<string, string> { ["Host"] = uri.Host, ["X-Sdk-Date"] = date };
        if (contentType is not null)
        {
            headers["Content-Type"] = contentType;
        }

        Assert.Equal(canonical, AkSkSigner.CanonicalRequest(method, uri, headers, Encoding.UTF8.GetBytes(body)));
        Assert.Equal(authorization, AkSkSigner.Authorization(method, uri, headers, Encoding.UTF8.GetBytes(body), ak, sk));
    }

    [Fact]
    public void Escaped_path_segments_ports_and_extra_headers_match_the_reference()
    {
        var uri = new Uri("https://127.0.0.1:8443/v2/proj-1/datasets/a%20b%2Fc?name=x%20y");
        var headers = new Dictionary<string, string> { ["Host"] = "127.0.0.1:8443", ["X-Sdk-Date"] = "20261122T101501Z", ["X-Project-Id"] = "proj-1" };

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=AK2, SignedHeaders=host;x-project-id;x-sdk-date, Signature=43e82e55b4bb408145be5eab66fbcba6f30d2ff0958deac7e71ba553e2ee024e",
            AkSkSigner.Authorization("DELETE", uri, headers, [], "AK2", "secret/with+chars"));
    }

    [Fact]
    public async Task The_authenticator_signs_what_is_sent()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 14, 59, TimeSpan.Zero));
        var authenticator = new AkSkAuthenticator("AKEXAMPLE", "SKEXAMPLE", timeProvider: time);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://modelarts.eu-de.otc.t-systems.com/v2/proj-1/datasets?offset=0&limit=10");

        await authenticator.AuthenticateAsync(request, ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal("20261122T101459Z", request.Headers.GetValues("X-Sdk-Date").Single());
        Assert.Equal("SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=host;x-sdk-date, Signature=db9b22d7ae1e1e2bbab3d9904e60c58eea5e91b7858751d651c91bb018c02b3e", request.Headers.GetValues("Authorization").Single());
        Assert.DoesNotContain("SKEXAMPLE", authenticator.ToString(), StringComparison.Ordinal);
    }
}
