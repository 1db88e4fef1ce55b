using MovieGpt.Server.Apis;
using MovieGpt.Server.Components;
using MovieGpt.Server.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddApiConventions();
builder.AddRequestLogs();
builder.AddDatabase();
builder.AddSentimentEngine();
builder.AddCatalogServices();
builder.AddHealth();
builder.AddApiDocs();
builder.AddWebUi();

var app = builder.Build();

app.UseHttpLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
await app.MigrateDatabaseAsync();

app.UseApiDocs();
app.MapRootApi();
app.MapMoviesApi();
app.MapReviewsApi();
app.MapSentimentApi();
app.MapWebUi();

app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
