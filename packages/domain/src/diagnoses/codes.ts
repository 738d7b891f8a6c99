/**
 * The curated ICD-10-CM list an IOP diagnoses from: mental and behavioural disorders (chapter 5,
 * F01–F99) that intensive outpatient programs treat, the Z codes for the social and history
 * factors they record, and the two R codes for suicidal ideation and non-suicidal self-harm
 * (those are coded in chapter 18, not chapter 5). Billable (leaf) codes only, with their
 * ICD-10-CM titles, as of the FY2025 code set: eating-disorder codes carry the FY2025 severity
 * expansion. Review each October when CMS publishes the new code set.
 *
 * `sud` marks substance use disorders as 42 CFR Part 2 defines them (§2.11): alcohol and drugs,
 * not tobacco or caffeine, so F17 (nicotine) is not marked. Remission codes are marked: Part 2
 * protects records that identify someone as having or having had a substance use disorder.
 * Z71.41/Z71.51 (substance use counselling) are marked as they record SUD treatment.
 */
export interface DiagnosisCode {
  code: string;
  text: string;
  group: DiagnosisGroup;
  sud?: true;
}

export type DiagnosisGroup =
  | 'Due to a physiological condition'
  | 'Substance use'
  | 'Tobacco'
  | 'Psychotic disorders'
  | 'Bipolar disorders'
  | 'Depressive disorders'
  | 'Anxiety disorders'
  | 'Obsessive-compulsive disorders'
  | 'Trauma and stressor-related'
  | 'Dissociative and somatic'
  | 'Eating disorders'
  | 'Sleep disorders'
  | 'Personality disorders'
  | 'Impulse-control disorders'
  | 'Neurodevelopmental'
  | 'Childhood and adolescence'
  | 'Unspecified mental disorder'
  | 'Symptoms'
  | 'Social and history factors';

const group = (g: DiagnosisGroup, list: [string, string][], sud?: true): DiagnosisCode[] =>
  list.map(([code, text]) => (sud ? { code, text, group: g, sud } : { code, text, group: g }));

export const DIAGNOSIS_CODES: readonly DiagnosisCode[] = Object.freeze([
  ...group('Due to a physiological condition', [
    ['F06.31', 'Mood disorder due to known physiological condition with depressive features'],
    ['F06.4', 'Anxiety disorder due to known physiological condition'],
    ['F07.81', 'Postconcussional syndrome'],
  ]),
  ...group(
    'Substance use',
    [
      ['F10.10', 'Alcohol abuse, uncomplicated'],
      ['F10.11', 'Alcohol abuse, in remission'],
      ['F10.20', 'Alcohol dependence, uncomplicated'],
      ['F10.21', 'Alcohol dependence, in remission'],
      ['F10.230', 'Alcohol dependence with withdrawal, uncomplicated'],
      ['F10.239', 'Alcohol dependence with withdrawal, unspecified'],
      ['F10.24', 'Alcohol dependence with alcohol-induced mood disorder'],
      ['F10.90', 'Alcohol use, unspecified, uncomplicated'],
      ['F10.94', 'Alcohol use, unspecified with alcohol-induced mood disorder'],
      ['F11.10', 'Opioid abuse, uncomplicated'],
      ['F11.11', 'Opioid abuse, in remission'],
      ['F11.20', 'Opioid dependence, uncomplicated'],
      ['F11.21', 'Opioid dependence, in remission'],
      ['F11.23', 'Opioid dependence with withdrawal'],
      ['F11.90', 'Opioid use, unspecified, uncomplicated'],
      ['F12.10', 'Cannabis abuse, uncomplicated'],
      ['F12.11', 'Cannabis abuse, in remission'],
      ['F12.20', 'Cannabis dependence, uncomplicated'],
      ['F12.21', 'Cannabis dependence, in remission'],
      ['F12.90', 'Cannabis use, unspecified, uncomplicated'],
      ['F13.10', 'Sedative, hypnotic or anxiolytic abuse, uncomplicated'],
      ['F13.11', 'Sedative, hypnotic or anxiolytic abuse, in remission'],
      ['F13.20', 'Sedative, hypnotic or anxiolytic dependence, uncomplicated'],
      ['F13.21', 'Sedative, hypnotic or anxiolytic dependence, in remission'],
      ['F13.230', 'Sedative, hypnotic or anxiolytic dependence with withdrawal, uncomplicated'],
      ['F13.239', 'Sedative, hypnotic or anxiolytic dependence with withdrawal, unspecified'],
      ['F14.10', 'Cocaine abuse, uncomplicated'],
      ['F14.11', 'Cocaine abuse, in remission'],
      ['F14.20', 'Cocaine dependence, uncomplicated'],
      ['F14.21', 'Cocaine dependence, in remission'],
      ['F14.23', 'Cocaine dependence with withdrawal'],
      ['F14.90', 'Cocaine use, unspecified, uncomplicated'],
      ['F15.10', 'Other stimulant abuse, uncomplicated'],
      ['F15.11', 'Other stimulant abuse, in remission'],
      ['F15.20', 'Other stimulant dependence, uncomplicated'],
      ['F15.21', 'Other stimulant dependence, in remission'],
      ['F15.23', 'Other stimulant dependence with withdrawal'],
      ['F15.90', 'Other stimulant use, unspecified, uncomplicated'],
      ['F16.10', 'Hallucinogen abuse, uncomplicated'],
      ['F16.11', 'Hallucinogen abuse, in remission'],
      ['F16.20', 'Hallucinogen dependence, uncomplicated'],
      ['F16.21', 'Hallucinogen dependence, in remission'],
      ['F16.90', 'Hallucinogen use, unspecified, uncomplicated'],
      ['F18.10', 'Inhalant abuse, uncomplicated'],
      ['F18.11', 'Inhalant abuse, in remission'],
      ['F18.20', 'Inhalant dependence, uncomplicated'],
      ['F18.21', 'Inhalant dependence, in remission'],
      ['F19.10', 'Other psychoactive substance abuse, uncomplicated'],
      ['F19.11', 'Other psychoactive substance abuse, in remission'],
      ['F19.20', 'Other psychoactive substance dependence, uncomplicated'],
      ['F19.21', 'Other psychoactive substance dependence, in remission'],
      ['F19.90', 'Other psychoactive substance use, unspecified, uncomplicated'],
    ],
    true,
  ),
  ...group('Tobacco', [
    ['F17.200', 'Nicotine dependence, unspecified, uncomplicated'],
    ['F17.210', 'Nicotine dependence, cigarettes, uncomplicated'],
    ['F17.211', 'Nicotine dependence, cigarettes, in remission'],
    ['F17.290', 'Nicotine dependence, other tobacco product, uncomplicated'],
  ]),
  ...group('Psychotic disorders', [
    ['F20.0', 'Paranoid schizophrenia'],
    ['F20.81', 'Schizophreniform disorder'],
    ['F20.9', 'Schizophrenia, unspecified'],
    ['F21', 'Schizotypal disorder'],
    ['F22', 'Delusional disorders'],
    ['F23', 'Brief psychotic disorder'],
    ['F25.0', 'Schizoaffective disorder, bipolar type'],
    ['F25.1', 'Schizoaffective disorder, depressive type'],
    ['F25.9', 'Schizoaffective disorder, unspecified'],
    ['F28', 'Other psychotic disorder not due to a substance or known physiological condition'],
    ['F29', 'Unspecified psychosis not due to a substance or known physiological condition'],
  ]),
  ...group('Bipolar disorders', [
    ['F31.0', 'Bipolar disorder, current episode hypomanic'],
    ['F31.10', 'Bipolar disorder, current episode manic without psychotic features, unspecified'],
    ['F31.11', 'Bipolar disorder, current episode manic without psychotic features, mild'],
    ['F31.12', 'Bipolar disorder, current episode manic without psychotic features, moderate'],
    ['F31.13', 'Bipolar disorder, current episode manic without psychotic features, severe'],
    ['F31.2', 'Bipolar disorder, current episode manic severe with psychotic features'],
    ['F31.30', 'Bipolar disorder, current episode depressed, mild or moderate severity, unspecified'],
    ['F31.31', 'Bipolar disorder, current episode depressed, mild'],
    ['F31.32', 'Bipolar disorder, current episode depressed, moderate'],
    ['F31.4', 'Bipolar disorder, current episode depressed, severe, without psychotic features'],
    ['F31.5', 'Bipolar disorder, current episode depressed, severe, with psychotic features'],
    ['F31.60', 'Bipolar disorder, current episode mixed, unspecified'],
    ['F31.70', 'Bipolar disorder, currently in remission, most recent episode unspecified'],
    ['F31.71', 'Bipolar disorder, in partial remission, most recent episode hypomanic'],
    ['F31.72', 'Bipolar disorder, in full remission, most recent episode hypomanic'],
    ['F31.73', 'Bipolar disorder, in partial remission, most recent episode manic'],
    ['F31.75', 'Bipolar disorder, in partial remission, most recent episode depressed'],
    ['F31.76', 'Bipolar disorder, in full remission, most recent episode depressed'],
    ['F31.81', 'Bipolar II disorder'],
    ['F31.9', 'Bipolar disorder, unspecified'],
    ['F34.0', 'Cyclothymic disorder'],
  ]),
  ...group('Depressive disorders', [
    ['F32.0', 'Major depressive disorder, single episode, mild'],
    ['F32.1', 'Major depressive disorder, single episode, moderate'],
    ['F32.2', 'Major depressive disorder, single episode, severe without psychotic features'],
    ['F32.3', 'Major depressive disorder, single episode, severe with psychotic features'],
    ['F32.4', 'Major depressive disorder, single episode, in partial remission'],
    ['F32.5', 'Major depressive disorder, single episode, in full remission'],
    ['F32.81', 'Premenstrual dysphoric disorder'],
    ['F32.89', 'Other specified depressive episodes'],
    ['F32.9', 'Major depressive disorder, single episode, unspecified'],
    ['F32.A', 'Depression, unspecified'],
    ['F33.0', 'Major depressive disorder, recurrent, mild'],
    ['F33.1', 'Major depressive disorder, recurrent, moderate'],
    ['F33.2', 'Major depressive disorder, recurrent severe without psychotic features'],
    ['F33.3', 'Major depressive disorder, recurrent, severe with psychotic symptoms'],
    ['F33.40', 'Major depressive disorder, recurrent, in remission, unspecified'],
    ['F33.41', 'Major depressive disorder, recurrent, in partial remission'],
    ['F33.42', 'Major depressive disorder, recurrent, in full remission'],
    ['F33.8', 'Other recurrent depressive disorders'],
    ['F33.9', 'Major depressive disorder, recurrent, unspecified'],
    ['F34.1', 'Dysthymic disorder'],
    ['F34.81', 'Disruptive mood dysregulation disorder'],
    ['F34.89', 'Other specified persistent mood disorders'],
    ['F39', 'Unspecified mood [affective] disorder'],
  ]),
  ...group('Anxiety disorders', [
    ['F40.00', 'Agoraphobia, unspecified'],
    ['F40.01', 'Agoraphobia with panic disorder'],
    ['F40.10', 'Social phobia, unspecified'],
    ['F40.11', 'Social phobia, generalized'],
    ['F40.9', 'Phobic anxiety disorder, unspecified'],
    ['F41.0', 'Panic disorder [episodic paroxysmal anxiety]'],
    ['F41.1', 'Generalized anxiety disorder'],
    ['F41.3', 'Other mixed anxiety disorders'],
    ['F41.8', 'Other specified anxiety disorders'],
    ['F41.9', 'Anxiety disorder, unspecified'],
    ['F93.0', 'Separation anxiety disorder of childhood'],
  ]),
  ...group('Obsessive-compulsive disorders', [
    ['F42.2', 'Mixed obsessional thoughts and acts'],
    ['F42.3', 'Hoarding disorder'],
    ['F42.4', 'Excoriation (skin-picking) disorder'],
    ['F42.8', 'Other obsessive-compulsive disorder'],
    ['F42.9', 'Obsessive-compulsive disorder, unspecified'],
    ['F45.22', 'Body dysmorphic disorder'],
    ['F63.3', 'Trichotillomania'],
  ]),
  ...group('Trauma and stressor-related', [
    ['F43.0', 'Acute stress reaction'],
    ['F43.10', 'Post-traumatic stress disorder, unspecified'],
    ['F43.11', 'Post-traumatic stress disorder, acute'],
    ['F43.12', 'Post-traumatic stress disorder, chronic'],
    ['F43.20', 'Adjustment disorder, unspecified'],
    ['F43.21', 'Adjustment disorder with depressed mood'],
    ['F43.22', 'Adjustment disorder with anxiety'],
    ['F43.23', 'Adjustment disorder with mixed anxiety and depressed mood'],
    ['F43.24', 'Adjustment disorder with disturbance of conduct'],
    ['F43.25', 'Adjustment disorder with mixed disturbance of emotions and conduct'],
    ['F43.29', 'Adjustment disorder with other symptoms'],
    ['F43.81', 'Prolonged grief disorder'],
    ['F43.89', 'Other reactions to severe stress'],
    ['F43.9', 'Reaction to severe stress, unspecified'],
    ['F94.1', 'Reactive attachment disorder of childhood'],
  ]),
  ...group('Dissociative and somatic', [
    ['F44.4', 'Conversion disorder with motor symptom or deficit'],
    ['F44.81', 'Dissociative identity disorder'],
    ['F44.9', 'Dissociative and conversion disorder, unspecified'],
    ['F45.1', 'Undifferentiated somatoform disorder'],
    ['F45.21', 'Hypochondriasis'],
    ['F48.1', 'Depersonalization-derealization syndrome'],
  ]),
  ...group('Eating disorders', [
    ['F50.00', 'Anorexia nervosa, unspecified'],
    ['F50.019', 'Anorexia nervosa, restricting type, unspecified'],
    ['F50.029', 'Anorexia nervosa, binge eating/purging type, unspecified'],
    ['F50.20', 'Bulimia nervosa, unspecified'],
    ['F50.819', 'Binge eating disorder, unspecified'],
    ['F50.82', 'Avoidant/restrictive food intake disorder'],
    ['F50.89', 'Other specified eating disorder'],
    ['F50.9', 'Eating disorder, unspecified'],
  ]),
  ...group('Sleep disorders', [
    ['F51.01', 'Primary insomnia'],
    ['F51.05', 'Insomnia due to other mental disorder'],
    ['F51.5', 'Nightmare disorder'],
  ]),
  ...group('Personality disorders', [
    ['F60.0', 'Paranoid personality disorder'],
    ['F60.1', 'Schizoid personality disorder'],
    ['F60.2', 'Antisocial personality disorder'],
    ['F60.3', 'Borderline personality disorder'],
    ['F60.4', 'Histrionic personality disorder'],
    ['F60.5', 'Obsessive-compulsive personality disorder'],
    ['F60.6', 'Avoidant personality disorder'],
    ['F60.7', 'Dependent personality disorder'],
    ['F60.81', 'Narcissistic personality disorder'],
    ['F60.89', 'Other specific personality disorders'],
    ['F60.9', 'Personality disorder, unspecified'],
  ]),
  ...group('Impulse-control disorders', [
    ['F63.0', 'Pathological gambling'],
    ['F63.81', 'Intermittent explosive disorder'],
    ['F91.1', 'Conduct disorder, childhood-onset type'],
    ['F91.2', 'Conduct disorder, adolescent-onset type'],
    ['F91.3', 'Oppositional defiant disorder'],
    ['F91.9', 'Conduct disorder, unspecified'],
  ]),
  ...group('Neurodevelopmental', [
    ['F70', 'Mild intellectual disabilities'],
    ['F71', 'Moderate intellectual disabilities'],
    ['F79', 'Unspecified intellectual disabilities'],
    ['F81.0', 'Specific reading disorder'],
    ['F84.0', 'Autistic disorder'],
    ['F90.0', 'Attention-deficit hyperactivity disorder, predominantly inattentive type'],
    ['F90.1', 'Attention-deficit hyperactivity disorder, predominantly hyperactive type'],
    ['F90.2', 'Attention-deficit hyperactivity disorder, combined type'],
    ['F90.8', 'Attention-deficit hyperactivity disorder, other type'],
    ['F90.9', 'Attention-deficit hyperactivity disorder, unspecified type'],
    ['F95.2', "Tourette's disorder"],
  ]),
  ...group('Childhood and adolescence', [
    ['F98.0', 'Enuresis not due to a substance or known physiological condition'],
  ]),
  ...group('Unspecified mental disorder', [['F99', 'Mental disorder, not otherwise specified']]),
  ...group('Symptoms', [
    ['R45.851', 'Suicidal ideations'],
    ['R45.88', 'Nonsuicidal self-harm'],
  ]),
  ...group('Social and history factors', [
    ['Z04.6', 'Encounter for general psychiatric examination, requested by authority'],
    ['Z13.31', 'Encounter for screening for depression'],
    ['Z13.39', 'Encounter for screening examination for other mental health and behavioral disorders'],
    ['Z55.9', 'Problems related to education and literacy, unspecified'],
    ['Z56.0', 'Unemployment, unspecified'],
    ['Z56.6', 'Other physical and mental strain related to work'],
    ['Z59.00', 'Homelessness, unspecified'],
    ['Z59.01', 'Sheltered homelessness'],
    ['Z59.02', 'Unsheltered homelessness'],
    ['Z59.41', 'Food insecurity'],
    ['Z59.86', 'Financial insecurity'],
    ['Z60.0', 'Problems of adjustment to life-cycle transitions'],
    ['Z60.2', 'Problems related to living alone'],
    ['Z62.21', 'Child in welfare custody'],
    ['Z62.810', 'Personal history of physical and sexual abuse in childhood'],
    ['Z62.820', 'Parent-biological child conflict'],
    ['Z63.0', 'Problems in relationship with spouse or partner'],
    ['Z63.4', 'Disappearance and death of family member'],
    ['Z63.72', 'Alcoholism and drug addiction in family'],
    ['Z63.8', 'Other specified problems related to primary support group'],
    ['Z65.1', 'Imprisonment and other incarceration'],
    ['Z65.3', 'Problems related to other legal circumstances'],
    ['Z65.8', 'Other specified problems related to psychosocial circumstances'],
    ['Z69.11', 'Encounter for mental health services for victim of spousal or partner abuse'],
    ['Z72.0', 'Tobacco use'],
    ['Z73.3', 'Stress, not elsewhere classified'],
    ['Z81.1', 'Family history of alcohol abuse and dependence'],
    ['Z81.3', 'Family history of other psychoactive substance abuse and dependence'],
    ['Z81.8', 'Family history of other mental and behavioral disorders'],
    ['Z86.59', 'Personal history of other mental and behavioral disorders'],
    ['Z87.891', 'Personal history of nicotine dependence'],
    ['Z91.410', 'Personal history of adult physical and sexual abuse'],
    ['Z91.411', 'Personal history of adult psychological abuse'],
    ['Z91.51', 'Personal history of suicidal behavior'],
    ['Z91.52', 'Personal history of nonsuicidal self-harm'],
  ]),
  ...group(
    'Social and history factors',
    [
      ['Z71.41', 'Alcohol abuse counseling and surveillance of alcoholic'],
      ['Z71.51', 'Drug abuse counseling and surveillance of drug abuser'],
    ],
    true,
  ),
]);
