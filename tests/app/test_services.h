// The app's context and services as a test process uses them: one of each, made on first use,
// for the view models a test makes in C++ (AppInstance makes its own for the app it loads).
#pragma once

#include "app_context.h"
#include "app_services.h"

inline amicus::app::AppContext& testContext()
{
    static amicus::app::AppContext context;
    return context;
}

inline amicus::app::AppServices& testServices()
{
    static amicus::app::AppServices services(testContext());
    return services;
}
