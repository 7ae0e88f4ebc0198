// The auto-labeling tutorial of the ModelArts API reference, as a program:
//   1. obtain a token, 2. start an auto-labeling task, 3. wait for it with a progress bar,
//   4. list the auto-labeled samples, 5. confirm their labels with UpdateSamples.
// With MODELARTS_ENDPOINT, MODELARTS_IAM_ENDPOINT, MODELARTS_USER, MODELARTS_PASSWORD, MODELARTS_DOMAIN,
// MODELARTS_PROJECT_NAME, MODELARTS_PROJECT_ID and MODELARTS_DATASET_ID set it talks to the real service;
// otherwise to a stand-in on 127.0.0.1 that plays the documented answers, and says so.
using AutoLabeling;

return await Tutorial.RunAsync(Console.Out, Environment.GetEnvironmentVariable, CancellationToken.None);
