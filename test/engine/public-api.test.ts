import { CATEGORIES, DETECTORS, evaluate, loadRules } from '../../src';

describe('the package entry point', () => {
  test('loads the bundled rules and evaluates a message', () => {
    const { ruleSet, charter } = loadRules();
    const [finding] = evaluate({ text: 'ma carte 4970 1012 3456 7893' }, ruleSet).findings;
    expect(finding).toMatchObject({ rule: 'payment-card', excerpt: '•••• •••• •••• 7893' });
    expect(charter.article(finding?.article ?? '', 'en')?.title).toMatch(/Payment cards/);
  });

  test('every detector reports only categories of the shared vocabulary', () => {
    for (const detector of DETECTORS.values()) {
      for (const category of detector.categories) expect(CATEGORIES).toContain(category);
    }
  });
});
